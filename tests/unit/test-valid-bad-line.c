/*
 * valid_line refuses tab, LF and CR as control characters, and applies the
 * text rules.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "valid.h"
#include "check.h"
#include "valid-why.h"

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
