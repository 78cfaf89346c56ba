/*
 * Anything else is valid.not_boolean.
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
	CHECK_STR(why(valid_bool, NULL, S("")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("2")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("tru")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("truee")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S(" on")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("y")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("si")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("01")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, "on\0", 3), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, "onx", 3), "valid.not_boolean");
	return CHECK_DONE();
}
