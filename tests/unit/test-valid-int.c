/*
 * valid_int accepts an optional sign, digits (leading zeros too) and the
 * whole int64 range.
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

	CHECK_STR(why(valid_int, &f, S("0")), "ok");
	CHECK_STR(why(valid_int, &f, S("-0")), "ok");
	CHECK_STR(why(valid_int, &f, S("+0")), "ok");
	CHECK_STR(why(valid_int, &f, S("42")), "ok");
	CHECK_STR(why(valid_int, &f, S("-42")), "ok");
	CHECK_STR(why(valid_int, &f, S("+7")), "ok");
	CHECK_STR(why(valid_int, &f, S("007")), "ok");
	CHECK_STR(why(valid_int, &f, S("9223372036854775807")), "ok");
	CHECK_STR(why(valid_int, &f, S("-9223372036854775808")), "ok");
	CHECK_STR(why(valid_int, &f, S("00000000000000000000000001")), "ok");
	return CHECK_DONE();
}
