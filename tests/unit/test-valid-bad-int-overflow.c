/*
 * Integers outside int64 are valid.out_of_range.
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
	static const struct field	 f = { "n", NULL, 0, 0, NULL };

	CHECK_STR(why(valid_int, &f, S("9223372036854775808")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("-9223372036854775809")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("18446744073709551616")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("99999999999999999999999999999")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("+9223372036854775808")),
	    "valid.out_of_range");
	return CHECK_DONE();
}
