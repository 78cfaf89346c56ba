/*
 * passwd_policy() refuses more than 128 characters (and, with them, the
 * empty string and anything under 8) with the matching key.
 */
#include <string.h>

#include "passwd-setup.h"

int
main(void)
{
	char	 s[1024];

	pw_setup();
	memset(s, 'x', 129);
	s[129] = '\0';
	CHECK_STR(passwd_policy(s), "valid.too_long");
	memset(s, 'x', 1000);
	s[1000] = '\0';
	CHECK_STR(passwd_policy(s), "valid.too_long");
	s[128] = '\0';
	CHECK(passwd_policy(s) == NULL);
	CHECK_STR(passwd_policy(""), "valid.too_short");
	CHECK_STR(passwd_policy("a"), "valid.too_short");
	pw_teardown();
	return CHECK_DONE();
}
