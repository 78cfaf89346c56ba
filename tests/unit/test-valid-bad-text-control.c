/*
 * Control characters other than tab, LF and CR (C0, DEL, C1) are
 * valid.control_chars.
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
