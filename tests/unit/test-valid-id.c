/*
 * valid_id accepts 1 to INT64_MAX in canonical decimal form.
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
	CHECK_STR(why(valid_id, NULL, S("1")), "ok");
	CHECK_STR(why(valid_id, NULL, S("42")), "ok");
	CHECK_STR(why(valid_id, NULL, S("10")), "ok");
	CHECK_STR(why(valid_id, NULL, S("9223372036854775807")), "ok");
	CHECK_STR(why(valid_id, NULL, S("1000000")), "ok");
	return CHECK_DONE();
}
