/* passwd: argon2id hashes and the new-password policy. */
#include <argon2.h>
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cfg.h"
#include "log.h"
#include "mem.h"
#include "passwd.h"
#include "valid.h"

#define SALT_LEN	16
#define HASH_LEN	32

static uint32_t	 t_cost = 2, m_cost = 19456, parallel = 1;
static char	**common;	/* sorted, lower case */
static size_t	 ncommon;
static char	 burn_hash[PASSWD_HASH_MAX];

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
load_common(const char *path)
{
	FILE	*f;
	char	 line[256];
	size_t	 n, i;

	if ((f = fopen(path, "r")) == NULL) {
		log_warn("common passwords %s", path);
		return;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		for (i = 0; i < n; i++)
			line[i] = (char)tolower((unsigned char)line[i]);
		common = x_realloc(common, (ncommon + 1) * sizeof(*common));
		common[ncommon++] = x_strdup(line);
	}
	fclose(f);
	qsort(common, ncommon, sizeof(*common), cmp_str);
}

int
passwd_init(void)
{
	long long	 t, m, p;

	t = cfg_int("auth", "argon2_t", 2);
	m = cfg_int("auth", "argon2_m_kib", 19456);
	p = cfg_int("auth", "argon2_p", 1);
	if (t < 2 || m < 19456 || p < 1 || t > 100 || m > 4194304 || p > 64) {
		log_warnx("argon2 parameters below OWASP's minimum or absurd "
		    "(t=%lld m=%lld p=%lld)", t, m, p);
		return -1;
	}
	t_cost = (uint32_t)t;
	m_cost = (uint32_t)m;
	parallel = (uint32_t)p;
	load_common(cfg_str("auth", "common_passwords",
	    "etc/common-passwords.txt"));
	return passwd_hash("not a real password: timing only", burn_hash);
}

void
passwd_free(void)
{
	size_t	 i;

	for (i = 0; i < ncommon; i++)
		x_free(common[i]);
	x_free(common);
	common = NULL;
	ncommon = 0;
}

int
passwd_hash(const char *pw, char out[PASSWD_HASH_MAX])
{
	unsigned char	 salt[SALT_LEN];

	randombytes_buf(salt, sizeof(salt));
	if (argon2id_hash_encoded(t_cost, m_cost, parallel, pw, strlen(pw),
	    salt, sizeof(salt), HASH_LEN, out, PASSWD_HASH_MAX) != ARGON2_OK) {
		log_warnx("argon2id_hash_encoded failed");
		return -1;
	}
	return 0;
}

bool
passwd_verify(const char *encoded, const char *pw)
{
	if (encoded == NULL || strncmp(encoded, "$argon2id$", 10) != 0)
		return false;
	return argon2id_verify(encoded, pw, strlen(pw)) == ARGON2_OK;
}

void
passwd_burn(const char *pw)
{
	if (passwd_verify(burn_hash, pw))
		log_debug("the timing hash matched");
}

bool
passwd_needs_rehash(const char *encoded)
{
	unsigned long	 m, t, p;

	/* "$argon2id$v=19$m=19456,t=2,p=1$salt$hash" */
	if (encoded == NULL || sscanf(encoded, "$argon2id$v=%*u$m=%lu,t=%lu,p=%lu$",
	    &m, &t, &p) != 3)
		return true;
	return m < m_cost || t < t_cost || p < parallel;
}

const char *
passwd_policy(const char *pw)
{
	char		 low[128 * 4 + 1];
	const char	*key = low;
	utf8proc_int32_t cp;
	utf8proc_ssize_t step;
	size_t		 chars = 0, n, off = 0, i;

	n = strlen(pw);
	if (!valid_utf8(pw, n))
		return "valid.bad_utf8";
	/* Characters, not bytes, and lower-cased as characters, so that
	 * "CONTRASEÑA" is as common as "contraseña". */
	for (i = 0; i < n; i += (size_t)step) {
		step = utf8proc_iterate((const utf8proc_uint8_t *)pw + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (step <= 0)
			return "valid.bad_utf8";
		if (++chars > 128)
			return "valid.too_long";
		off += (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
		    (utf8proc_uint8_t *)low + off);
	}
	low[off] = '\0';
	if (chars < 8)
		return "valid.too_short";
	if (ncommon > 0 && bsearch(&key, common, ncommon, sizeof(*common),
	    cmp_str) != NULL)
		return "valid.password_common";
	return NULL;
}
