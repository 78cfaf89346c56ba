/*
 * valid_parse_int parses signed decimals within [min, max], ends included.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"

#include <limits.h>

int
main(void)
{
	long long	 v;

	CHECK(valid_parse_int("5", 1, 10, &v) && v == 5);
	CHECK(valid_parse_int("1", 1, 10, &v) && v == 1);
	CHECK(valid_parse_int("10", 1, 10, &v) && v == 10);
	CHECK(valid_parse_int("-3", -5, 0, &v) && v == -3);
	CHECK(valid_parse_int("+3", 0, 3, &v) && v == 3);
	CHECK(valid_parse_int("007", 0, 10, &v) && v == 7);
	CHECK(valid_parse_int("0", 0, 0, &v) && v == 0);
	CHECK(valid_parse_int("-9223372036854775808", LLONG_MIN, LLONG_MAX,
	    &v) && v == LLONG_MIN);
	CHECK(valid_parse_int("9223372036854775807", LLONG_MIN, LLONG_MAX,
	    &v) && v == LLONG_MAX);
	return CHECK_DONE();
}
