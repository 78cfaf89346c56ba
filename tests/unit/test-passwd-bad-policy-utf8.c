/* passwd_policy() refuses a password that is not well-formed UTF-8. */
#include "passwd-setup.h"

int
main(void)
{
	pw_setup();
	CHECK_STR(passwd_policy("abcdefg\xff"), "valid.bad_utf8");
	CHECK_STR(passwd_policy("\xc3\x28password"), "valid.bad_utf8");
	CHECK_STR(passwd_policy("abcdefgh\xc0\xaf"), "valid.bad_utf8");	/* overlong */
	CHECK_STR(passwd_policy("abcdefgh\xed\xa0\x80"), "valid.bad_utf8");	/* surrogate */
	CHECK_STR(passwd_policy("abcdefgh\xf4\x90\x80\x80"), "valid.bad_utf8");	/* > U+10FFFF */
	CHECK_STR(passwd_policy("abcdefgh\xe2\x82"), "valid.bad_utf8");	/* cut short */
	CHECK_STR(passwd_policy("\x80\x80\x80\x80\x80\x80\x80\x80"), "valid.bad_utf8");
	CHECK(passwd_policy("abcdefgh\xe2\x82\xac") == NULL);	/* the euro sign */
	pw_teardown();
	return CHECK_DONE();
}
