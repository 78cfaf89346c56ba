/*
 * valid_line refuses tab, LF and CR as control characters, and applies the
 * text rules.
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
	static const struct field	 f = { "title", NULL, 1, 4, NULL };

	CHECK_STR(why(valid_line, &f, S("a\nb")), "valid.control_chars");
	CHECK_STR(why(valid_line, &f, S("a\rb")), "valid.control_chars");
	CHECK_STR(why(valid_line, &f, S("a\tb")), "valid.control_chars");
	CHECK_STR(why(valid_line, &f, S("end\r\n")), "valid.control_chars");
	CHECK_STR(why(valid_line, &f, S("\x7f")), "valid.control_chars");
	CHECK_STR(why(valid_line, &f, S("\xc0\x80")), "valid.bad_utf8");
	CHECK_STR(why(valid_line, &f, S("")), "valid.too_short");
	CHECK_STR(why(valid_line, &f, S("abcde")), "valid.too_long");
	return CHECK_DONE();
}
