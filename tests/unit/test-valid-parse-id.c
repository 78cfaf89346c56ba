/*
 * valid_parse_id parses canonical ids from 1 to INT64_MAX.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"

int
main(void)
{
	int64_t	 v;

	CHECK(valid_parse_id("1", &v) && v == 1);
	CHECK(valid_parse_id("42", &v) && v == 42);
	CHECK(valid_parse_id("9223372036854775807", &v) && v == INT64_MAX);
	CHECK(valid_parse_id("100", &v) && v == 100);
	return CHECK_DONE();
}
