/*
 * valid_bool accepts true false 1 0 on off yes no in any case.
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
	CHECK_STR(why(valid_bool, NULL, S("true")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("false")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("1")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("0")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("on")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("off")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("yes")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("no")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("TRUE")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("Off")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("yEs")), "ok");
	return CHECK_DONE();
}
