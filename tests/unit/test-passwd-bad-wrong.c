/* passwd_verify() refuses every password but the one hashed. */
#include "passwd-setup.h"

int
main(void)
{
	char	 h[PASSWD_HASH_MAX];

	pw_setup();
	CHECK(passwd_hash("Tr0ub4dor&3x", h) == 0);
	CHECK(passwd_verify(h, "Tr0ub4dor&3x"));
	CHECK(!passwd_verify(h, "tr0ub4dor&3x"));
	CHECK(!passwd_verify(h, "Tr0ub4dor&3"));
	CHECK(!passwd_verify(h, "Tr0ub4dor&3x "));
	CHECK(!passwd_verify(h, " Tr0ub4dor&3x"));
	CHECK(!passwd_verify(h, ""));
	CHECK(!passwd_verify(NULL, "Tr0ub4dor&3x"));
	CHECK(!passwd_verify("", "Tr0ub4dor&3x"));
	pw_teardown();
	return CHECK_DONE();
}
