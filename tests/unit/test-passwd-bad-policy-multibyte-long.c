/*
 * The 128-character limit counts characters, not bytes: 100 or 128
 * two-byte characters are within it, 129 are not.
 */
#include <string.h>

#include "passwd-setup.h"

static const char *
rep(char *out, const char *c, size_t n)
{
	size_t	 i;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		strcat(out, c);
	return out;
}

int
main(void)
{
	char	 s[2048];

	pw_setup();
	CHECK(passwd_policy(rep(s, "ñ", 64)) == NULL);
	CHECK(passwd_policy(rep(s, "ñ", 65)) == NULL);
	CHECK(passwd_policy(rep(s, "ñ", 100)) == NULL);
	CHECK(passwd_policy(rep(s, "ñ", 128)) == NULL);
	CHECK(passwd_policy(rep(s, "🙂", 128)) == NULL);
	CHECK_STR(passwd_policy(rep(s, "ñ", 129)), "valid.too_long");
	pw_teardown();
	return CHECK_DONE();
}
