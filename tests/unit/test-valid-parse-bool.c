/*
 * valid_parse_bool maps the boolean words to true and false.
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
	bool	 b;

	CHECK(valid_parse_bool("true", &b) && b);
	CHECK(valid_parse_bool("1", &b) && b);
	CHECK(valid_parse_bool("on", &b) && b);
	CHECK(valid_parse_bool("YES", &b) && b);
	CHECK(valid_parse_bool("false", &b) && !b);
	CHECK(valid_parse_bool("0", &b) && !b);
	CHECK(valid_parse_bool("Off", &b) && !b);
	CHECK(valid_parse_bool("no", &b) && !b);
	return CHECK_DONE();
}
