/*
 * Text longer than max is valid.too_long.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"

#define N	"\xc3\xb1"		/* one code point, two bytes */
#define N5	N N N N N

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
	static const struct field	 f = { "name", NULL, 3, 5, NULL };

	CHECK_STR(why(valid_text, &f, S("abcde")), "ok");
	CHECK_STR(why(valid_text, &f, S("abcdef")), "valid.too_long");
	CHECK_STR(why(valid_text, &f, S(N5 N)), "valid.too_long");
	CHECK_STR(why(valid_text, &f, S(N5)), "ok");
	return CHECK_DONE();
}
