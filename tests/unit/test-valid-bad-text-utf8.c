/*
 * Text that is not UTF-8 (overlong, surrogate, truncated, too big) or
 * holds NUL is valid.bad_utf8.
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

	CHECK_STR(why(valid_text, &f, S("\xc0\xaf")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\xe0\x80\xaf")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\xf0\x80\x80\xaf")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\xed\xa0\x80")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\xed\xbf\xbf")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("ab\xe2\x82")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\xe2\x82z")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\x80")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\xf4\x90\x80\x80")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\xff")), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, "a\0b", 3), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, "\xc3\xb1", 1), "valid.bad_utf8");
	CHECK_STR(why(valid_text, &f, S("\x01\xff")), "valid.bad_utf8");
	return CHECK_DONE();
}
