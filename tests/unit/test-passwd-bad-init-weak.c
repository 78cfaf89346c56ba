/*
 * passwd_init() refuses argon2id parameters below OWASP's minimum (19 MiB,
 * two passes, one lane) and absurd ones, naming them in the log.
 */
#include "capture-stderr.h"
#include "passwd-setup.h"

static void
refused(const char *key, const char *value)
{
	const char	*log;

	cfg_set("auth", "argon2_t", "2");
	cfg_set("auth", "argon2_m_kib", "19456");
	cfg_set("auth", "argon2_p", "1");
	cfg_set("auth", key, value);
	cap_begin();
	CHECK(passwd_init() == -1);
	log = cap_end();
	CHECK(strstr(log, "OWASP") != NULL);
	passwd_free();
}

int
main(void)
{
	cfg_set("auth", "common_passwords", "etc/common-passwords.txt");
	refused("argon2_m_kib", "1024");
	refused("argon2_m_kib", "19455");
	refused("argon2_t", "1");
	refused("argon2_t", "0");
	refused("argon2_p", "0");
	refused("argon2_m_kib", "-19456");
	refused("argon2_t", "1000");
	refused("argon2_p", "1000");
	refused("argon2_m_kib", "99999999999");
	/* The minimum itself is fine. */
	cfg_set("auth", "argon2_m_kib", "19456");
	cfg_set("auth", "argon2_t", "2");
	cfg_set("auth", "argon2_p", "1");
	CHECK(passwd_init() == 0);
	pw_teardown();
	return CHECK_DONE();
}
