/*
 * Only argon2id hashes verify: argon2i and argon2d hashes of the right
 * password, other schemes and plain text are refused.
 */
#include <argon2.h>
#include <string.h>

#include "passwd-setup.h"

int
main(void)
{
	static const char	 salt[] = "saltsaltsaltsalt";
	const char		*pw = "correct horse battery staple";
	char			 h[PASSWD_HASH_MAX];

	pw_setup();
	CHECK(argon2i_hash_encoded(2, 19456, 1, pw, strlen(pw), salt, 16, 32,
	    h, sizeof(h)) == ARGON2_OK);
	CHECK(strncmp(h, "$argon2i$", 9) == 0);
	CHECK(!passwd_verify(h, pw));
	CHECK(passwd_needs_rehash(h));
	CHECK(argon2d_hash_encoded(2, 19456, 1, pw, strlen(pw), salt, 16, 32,
	    h, sizeof(h)) == ARGON2_OK);
	CHECK(!passwd_verify(h, pw));
	CHECK(passwd_needs_rehash(h));
	CHECK(!passwd_verify("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
	    pw));
	CHECK(!passwd_verify(pw, pw));
	CHECK(!passwd_verify("$argon2id", pw));
	CHECK(!passwd_verify("$ARGON2ID$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", pw));
	pw_teardown();
	return CHECK_DONE();
}
