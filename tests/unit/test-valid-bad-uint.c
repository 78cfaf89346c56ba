/*
 * valid_uint refuses signs, non-digits and values past INT64_MAX or its
 * bounds.
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
	static const struct field	 f = { "n", NULL, 0, 50, NULL };

	CHECK_STR(why(valid_uint, &f, S("-1")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("+1")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("-0")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("1a")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("9223372036854775808")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_uint, &f, S("18446744073709551615")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_uint, &f, S("51")), "valid.out_of_range");
	CHECK_STR(why(valid_uint, &f, S("0")), "ok");
	CHECK_STR(why(valid_uint, &f, S("50")), "ok");
	return CHECK_DONE();
}
