/*
 * valid_date accepts real YYYY-MM-DD dates, leap days included.
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
	CHECK_STR(why(valid_date, NULL, S("2024-02-29")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2000-02-29")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2023-02-28")), "ok");
	CHECK_STR(why(valid_date, NULL, S("0001-01-01")), "ok");
	CHECK_STR(why(valid_date, NULL, S("9999-12-31")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2023-01-31")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2023-04-30")), "ok");
	CHECK_STR(why(valid_date, NULL, S("1600-02-29")), "ok");
	return CHECK_DONE();
}
