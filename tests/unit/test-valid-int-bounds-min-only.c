/*
 * A bound of 0 is still a bound once the other is set: [0, 100] refuses
 * -1.
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
	static const struct field	 f = { "pct", NULL, 0, 100, NULL };

	CHECK_STR(why(valid_int, &f, S("0")), "ok");
	CHECK_STR(why(valid_int, &f, S("100")), "ok");
	CHECK_STR(why(valid_int, &f, S("-1")), "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("101")), "valid.out_of_range");
	return CHECK_DONE();
}
