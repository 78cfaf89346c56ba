/*
 * passwd_policy() takes 8 to 128 characters, counted as code points, so
 * a multi-byte character is one: 7 refused, 8 and 128 accepted.
 */
#include <string.h>

#include "passwd-setup.h"

/* n copies of the UTF-8 sequence c, into out. */
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
	char	 s[1024];

	pw_setup();
	CHECK_STR(passwd_policy(rep(s, "k", 7)), "valid.too_short");
	CHECK(passwd_policy(rep(s, "k", 8)) == NULL);
	CHECK(passwd_policy("Zq9#kT2!") == NULL);
	CHECK(passwd_policy(rep(s, "x", 128)) == NULL);
	/* Seven two-byte characters are 14 bytes but still seven. */
	CHECK_STR(passwd_policy(rep(s, "ñ", 7)), "valid.too_short");
	CHECK(passwd_policy(rep(s, "ñ", 8)) == NULL);
	CHECK_STR(passwd_policy(rep(s, "🙂", 7)), "valid.too_short");
	CHECK(passwd_policy(rep(s, "🙂", 8)) == NULL);
	CHECK(passwd_policy("ñandú-42") == NULL);
	pw_teardown();
	return CHECK_DONE();
}
