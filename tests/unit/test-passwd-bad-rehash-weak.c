/*
 * A hash made with fewer passes or less memory than configured, or one
 * that cannot be read as argon2id, needs rehashing.
 */
#include "passwd-setup.h"

int
main(void)
{
	char	 h[PASSWD_HASH_MAX];

	pw_setup();
	pw_hash_with("correct horse battery staple", 1, 19456, 1, h);
	CHECK(passwd_verify(h, "correct horse battery staple"));
	CHECK(passwd_needs_rehash(h));
	pw_hash_with("correct horse battery staple", 2, 8192, 1, h);
	CHECK(passwd_verify(h, "correct horse battery staple"));
	CHECK(passwd_needs_rehash(h));
	pw_hash_with("correct horse battery staple", 4, 19455, 1, h);
	CHECK(passwd_needs_rehash(h));
	CHECK(passwd_needs_rehash(NULL));
	CHECK(passwd_needs_rehash(""));
	CHECK(passwd_needs_rehash("$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA"));
	CHECK(passwd_needs_rehash("plain text"));
	pw_teardown();
	return CHECK_DONE();
}
