/*
 * passwd: argon2id password hashing (libargon2) with parameters from
 * [auth] argon2_t, argon2_m_kib, argon2_p, never below OWASP's minimum
 * (m = 19 MiB, t = 2, p = 1), and the policy for new passwords: 8 to 128
 * characters and not on the list of common passwords shipped in
 * etc/common-passwords.txt ([auth] common_passwords).
 */
#ifndef AGORA_PASSWD_H
#define AGORA_PASSWD_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWD_HASH_MAX	160

int		 passwd_init(void);	/* reads config and the common list */
void		 passwd_free(void);
/* Hashes pw into out (an encoded "$argon2id$..." string).  0 or -1. */
int		 passwd_hash(const char *pw, char out[PASSWD_HASH_MAX]);
/* Constant-time verification against an encoded hash. */
bool		 passwd_verify(const char *encoded, const char *pw);
/* Whether a hash was made with weaker parameters than configured. */
bool		 passwd_needs_rehash(const char *encoded);
/* Runs a verification against a fixed hash, so an unknown account costs
 * the same time as a wrong password. */
void		 passwd_burn(const char *pw);
/* NULL when pw is acceptable as a new password, else a catalog key:
 * "valid.too_short", "valid.too_long", "valid.password_common". */
const char	*passwd_policy(const char *pw);

#endif
