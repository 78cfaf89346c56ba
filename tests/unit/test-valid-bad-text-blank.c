/*
 * A required text of spaces alone (ASCII, no-break and other space
 * separators, line breaks) is valid.blank; one visible character is
 * enough, and a text nobody requires may be blank.
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
	static const struct field	 req = { "title", NULL, 1, 200, NULL };
	static const struct field	 opt = { "note", NULL, 0, 200, NULL };

	CHECK_STR(why(valid_text, &req, S("   ")), "valid.blank");
	CHECK_STR(why(valid_text, &req, S(" \t\r\n ")), "valid.blank");
	CHECK_STR(why(valid_text, &req, S("\xc2\xa0\xe2\x80\x83")),
	    "valid.blank");
	CHECK_STR(why(valid_line, &req, S("  ")), "valid.blank");
	CHECK_STR(why(valid_text, &req, S("")), "valid.too_short");
	CHECK_STR(why(valid_text, &req, S("  a ")), "ok");
	CHECK_STR(why(valid_text, &req, S(" \xc3\xb1")), "ok");
	CHECK_STR(why(valid_text, &opt, S("   ")), "ok");
	return CHECK_DONE();
}
