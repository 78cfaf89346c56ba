/*
 * passwd_needs_rehash() is false for a hash made with the configured
 * parameters or stronger ones, and true once the configuration asks for
 * more than a stored hash has.
 */
#include "passwd-setup.h"

int
main(void)
{
	char	 h[PASSWD_HASH_MAX], strong[PASSWD_HASH_MAX];

	pw_setup();
	CHECK(passwd_hash("correct horse battery staple", h) == 0);
	CHECK(!passwd_needs_rehash(h));
	pw_hash_with("correct horse battery staple", 3, 19456, 1, strong);
	CHECK(!passwd_needs_rehash(strong));
	CHECK(passwd_verify(strong, "correct horse battery staple"));
	pw_hash_with("correct horse battery staple", 2, 19456, 2, strong);
	CHECK(!passwd_needs_rehash(strong));
	passwd_free();

	/* The configuration is raised: yesterday's hashes are weaker. */
	cfg_set("auth", "argon2_t", "3");
	CHECK(passwd_init() == 0);
	CHECK(passwd_needs_rehash(h));
	CHECK(passwd_verify(h, "correct horse battery staple"));
	CHECK(passwd_hash("correct horse battery staple", h) == 0);
	CHECK(strncmp(h, "$argon2id$v=19$m=19456,t=3,p=1$", 31) == 0);
	CHECK(!passwd_needs_rehash(h));
	pw_teardown();
	return CHECK_DONE();
}
