/*
 * valid_parse_int refuses non-integers, overflow and values outside [min,
 * max], leaving *out alone.
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
	static const char *const bad[] = { "", "-", "+", "1.0", " 1", "1 ",
	    "0x1", "1e2", "--1", "9223372036854775808",
	    "-9223372036854775809", NULL };
	const char *const	*s;
	long long		 v;

	for (s = bad; *s != NULL; s++) {
		v = 77;
		CHECK(!valid_parse_int(*s, LLONG_MIN, LLONG_MAX, &v));
		CHECK(v == 77);
	}
	CHECK(!valid_parse_int("0", 1, 10, &v));
	CHECK(!valid_parse_int("11", 1, 10, &v));
	CHECK(!valid_parse_int("-1", 0, 10, &v));
	CHECK(!valid_parse_int("5", 10, 1, &v));	/* empty range */
	CHECK(!valid_parse_int(NULL, 0, 10, &v));
	CHECK(v == 77);
	return CHECK_DONE();
}
