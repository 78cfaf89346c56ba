/*
 * passwd_hash() makes an argon2id hash with the configured parameters and
 * a fresh salt each time; passwd_verify() accepts the password it was
 * made from.
 */
#include <string.h>

#include "passwd-setup.h"

int
main(void)
{
	char	 h1[PASSWD_HASH_MAX], h2[PASSWD_HASH_MAX];

	pw_setup();
	CHECK(passwd_hash("correct horse battery staple", h1) == 0);
	CHECK(strncmp(h1, "$argon2id$v=19$m=19456,t=2,p=1$", 31) == 0);
	CHECK(strlen(h1) < PASSWD_HASH_MAX);
	CHECK(passwd_verify(h1, "correct horse battery staple"));
	CHECK(passwd_hash("correct horse battery staple", h2) == 0);
	CHECK(strcmp(h1, h2) != 0);	/* a new salt every time */
	CHECK(passwd_verify(h2, "correct horse battery staple"));
	/* Any bytes, multi-byte characters and the empty string included. */
	CHECK(passwd_hash("contraseña ñandú 🙂", h1) == 0);
	CHECK(passwd_verify(h1, "contraseña ñandú 🙂"));
	CHECK(passwd_hash("", h1) == 0);
	CHECK(passwd_verify(h1, ""));
	passwd_burn("anything");
	pw_teardown();
	return CHECK_DONE();
}
