/*
 * Impossible dates and other shapes are valid.bad_date.
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
	CHECK_STR(why(valid_date, NULL, S("2023-02-29")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("1900-02-29")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2100-02-29")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2024-02-30")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-04-31")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-13-01")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-00-10")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-01-00")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-01-32")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("0000-01-01")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-1-01")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023/01/01")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-01-01 ")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-01-01T00:00")),
	    "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("20230101")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("+023-01-01")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, S("2023-0a-01")), "valid.bad_date");
	CHECK_STR(why(valid_date, NULL, "2023-01-01", 9), "valid.bad_date");
	return CHECK_DONE();
}
