/*
 * Text shorter than min is valid.too_short, counted in code points.
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
	static const struct field	 f = { "name", NULL, 3, 5, NULL };

	CHECK_STR(why(valid_text, &f, S("")), "valid.too_short");
	CHECK_STR(why(valid_text, &f, S("ab")), "valid.too_short");
	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xb1")),
	    "valid.too_short");
	CHECK_STR(why(valid_text, &f, S("abc")), "ok");
	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xb1\xc3\xb1")), "ok");
	return CHECK_DONE();
}
