/*
 * Control characters other than tab, LF and CR (C0, DEL, C1) are
 * valid.control_chars.
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
	static const struct field	 f = { "body", NULL, 0, 0, NULL };

	CHECK_STR(why(valid_text, &f, S("a\x01b")), "valid.control_chars");
	CHECK_STR(why(valid_text, &f, S("\x1b[31m")), "valid.control_chars");
	CHECK_STR(why(valid_text, &f, S("del\x7f")), "valid.control_chars");
	CHECK_STR(why(valid_text, &f, S("c1\xc2\x85")), "valid.control_chars");
	CHECK_STR(why(valid_text, &f, S("c1\xc2\x9f")), "valid.control_chars");
	CHECK_STR(why(valid_text, &f, S("\x0b")), "valid.control_chars");
	CHECK_STR(why(valid_text, &f, S("\x0c")), "valid.control_chars");
	CHECK_STR(why(valid_text, &f, S("\xc2\xa0nbsp")), "ok");
	return CHECK_DONE();
}
