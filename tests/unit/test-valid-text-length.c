/*
 * Text length is counted in code points: max 2 takes two multi-byte
 * characters, not three.
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
	static const struct field	 f = { "code", NULL, 0, 2, NULL };

	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xa9")), "ok");
	CHECK_STR(why(valid_text, &f, S("\xf0\x9f\x8c\xb9\xf0\x9f\x8c\xb9")),
	    "ok");
	CHECK_STR(why(valid_text, &f, S("ab")), "ok");
	CHECK_STR(why(valid_text, &f, S("a")), "ok");
	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xa9" "a")),
	    "valid.too_long");
	CHECK_STR(why(valid_text, &f, S("abc")), "valid.too_long");
	CHECK_STR(why(valid_text, &f,
	    S("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac")),
	    "valid.too_long");
	return CHECK_DONE();
}
