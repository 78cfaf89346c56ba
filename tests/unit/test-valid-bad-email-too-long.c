/*
 * An address of 254 bytes is accepted; 255 is valid.too_long.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"

/* A string literal and its length, embedded NULs included. */
#define S(lit)	(lit), (sizeof(lit) - 1)

/* "ok", or the reason fn gave for refusing s. */
static const char *
why(valid_fn fn, const struct field *f, const char *s, size_t len)
{
	const char	*reason = "(unset)";

	if (fn(f, s, len, &reason))
		return strcmp(reason, "(unset)") == 0 ? "ok" : "(reason set)";
	return reason;
}

int
main(void)
{
	char	 s[300];

	memset(s, 'a', sizeof(s));
	memcpy(s + 240, "@example.org", 12);	/* 252 bytes */
	s[252] = 'x';
	s[253] = 'y';
	CHECK_STR(why(valid_email, NULL, s, 254), "ok");
	memmove(s + 1, s, 254);
	CHECK_STR(why(valid_email, NULL, s, 255), "valid.too_long");
	CHECK_STR(why(valid_email, NULL, s, sizeof(s)), "valid.too_long");
	return CHECK_DONE();
}
