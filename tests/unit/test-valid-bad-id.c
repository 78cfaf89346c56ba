/*
 * valid_id refuses 0, leading zeros, signs, non-digits and values past
 * INT64_MAX.
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
	CHECK_STR(why(valid_id, NULL, S("0")), "valid.not_id");
	CHECK_STR(why(valid_id, NULL, S("01")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("00")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("007")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("-1")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("+1")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("1a")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("1 ")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("9223372036854775808")),
	    "valid.not_id");
	CHECK_STR(why(valid_id, NULL, S("99999999999999999999")),
	    "valid.not_id");
	CHECK_STR(why(valid_id, NULL, "12", 0), "valid.not_integer");
	return CHECK_DONE();
}
