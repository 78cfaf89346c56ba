/*
 * valid_line accepts one line of UTF-8 text within its bounds.
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
	static const struct field	 f = { "title", NULL, 1, 20, NULL };

	CHECK_STR(why(valid_line, &f, S("Flores Victoria")), "ok");
	CHECK_STR(why(valid_line, &f, S("\xc3\x81gora \xe2\x82\xac")), "ok");
	CHECK_STR(why(valid_line, &f, S("a")), "ok");
	CHECK_STR(why(valid_line, &f, S("\xc3\xb1\xc3\xb1\xc3\xb1\xc3\xb1")),
	    "ok");
	return CHECK_DONE();
}
