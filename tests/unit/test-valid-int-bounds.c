/*
 * valid_int applies [min, max] when either is set, inclusive.
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
	static const struct field	 f = { "qty", NULL, -5, 10, NULL };

	CHECK_STR(why(valid_int, &f, S("-5")), "ok");
	CHECK_STR(why(valid_int, &f, S("10")), "ok");
	CHECK_STR(why(valid_int, &f, S("0")), "ok");
	CHECK_STR(why(valid_int, &f, S("-6")), "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("11")), "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("9223372036854775807")),
	    "valid.out_of_range");
	return CHECK_DONE();
}
