/*
 * A password on the shipped list of common passwords is refused whatever
 * its ASCII letter case; one that only contains a common password is not.
 */
#include "passwd-setup.h"

int
main(void)
{
	pw_setup();
	CHECK_STR(passwd_policy("password"), "valid.password_common");
	CHECK_STR(passwd_policy("PASSWORD"), "valid.password_common");
	CHECK_STR(passwd_policy("PassWord123"), "valid.password_common");
	CHECK_STR(passwd_policy("12345678"), "valid.password_common");
	CHECK_STR(passwd_policy("QwErTyUiOp"), "valid.password_common");
	CHECK_STR(passwd_policy("contraseña"), "valid.password_common");
	CHECK_STR(passwd_policy("Contraseña123"), "valid.password_common");
	CHECK_STR(passwd_policy("ágora123"), "valid.password_common");
	/* The comment lines are not passwords. */
	CHECK(passwd_policy("# Common passwords refused for new accounts "
	    "(lower case, one a line).") == NULL);
	CHECK(passwd_policy("my password is long") == NULL);
	CHECK(passwd_policy("password!") == NULL);
	passwd_free();

	/* Without the list only the length rule holds. */
	cfg_set("auth", "common_passwords", "tests/unit/fixtures/no-such-file");
	CHECK(passwd_init() == 0);
	CHECK(passwd_policy("password") == NULL);
	passwd_free();
	cfg_free();
	return CHECK_DONE();
}
