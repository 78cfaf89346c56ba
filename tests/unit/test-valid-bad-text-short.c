/*
 * Text shorter than min is valid.too_short, counted in code points.
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
	static const struct field	 f = { "name", NULL, 3, 5, NULL };

	CHECK_STR(why(valid_text, &f, S("")), "valid.too_short");
	CHECK_STR(why(valid_text, &f, S("ab")), "valid.too_short");
	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xb1")),
	    "valid.too_short");
	CHECK_STR(why(valid_text, &f, S("abc")), "ok");
	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xb1\xc3\xb1")), "ok");
	return CHECK_DONE();
}
