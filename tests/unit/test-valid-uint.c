/*
 * valid_uint accepts digits only, up to INT64_MAX, within bounds when set.
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
	static const struct field	 f = { "n", NULL, 0, 0, NULL };

	CHECK_STR(why(valid_uint, &f, S("0")), "ok");
	CHECK_STR(why(valid_uint, &f, S("1")), "ok");
	CHECK_STR(why(valid_uint, &f, S("0012")), "ok");
	CHECK_STR(why(valid_uint, &f, S("9223372036854775807")), "ok");
	return CHECK_DONE();
}
