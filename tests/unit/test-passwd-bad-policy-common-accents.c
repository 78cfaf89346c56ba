/*
 * The case-insensitive comparison with the common list covers the
 * accented letters the shipped list has: "CONTRASEÑA" and "ÁGORA123" are
 * "contraseña" and "ágora123".
 */
#include "passwd-setup.h"

int
main(void)
{
	pw_setup();
	CHECK_STR(passwd_policy("contraseña"), "valid.password_common");
	CHECK_STR(passwd_policy("CONTRASEÑA"), "valid.password_common");
	CHECK_STR(passwd_policy("ÁGORA123"), "valid.password_common");
	CHECK_STR(passwd_policy("ESPAÑA123"), "valid.password_common");
	pw_teardown();
	return CHECK_DONE();
}
