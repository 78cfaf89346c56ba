/*
 * passwd-setup.h: passwd_init() with the shipped list of common
 * passwords and the default argon2id parameters, and a hash made with
 * chosen parameters for the rehash and refusal tests.
 */
#ifndef AGORA_PASSWD_SETUP_H
#define AGORA_PASSWD_SETUP_H

#include <argon2.h>
#include <string.h>

#include "cfg.h"
#include "passwd.h"
#include "check.h"

/* Sets up passwd as a program would at start; CHECKs that it worked. */
static inline void
pw_setup(void)
{
	cfg_set("auth", "common_passwords", "etc/common-passwords.txt");
	CHECK(passwd_init() == 0);
}

static inline void
pw_teardown(void)
{
	passwd_free();
	cfg_free();
}

/* An encoded argon2id hash of pw with t, m (KiB) and p; the salt is fixed
 * so the test is the same every run. */
static inline void
pw_hash_with(const char *pw, uint32_t t, uint32_t m, uint32_t p,
    char out[PASSWD_HASH_MAX])
{
	static const char	 salt[] = "saltsaltsaltsalt";

	CHECK(argon2id_hash_encoded(t, m, p, pw, strlen(pw), salt, 16, 32,
	    out, PASSWD_HASH_MAX) == ARGON2_OK);
}

#endif
