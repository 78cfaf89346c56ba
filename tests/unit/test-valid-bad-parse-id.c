/*
 * valid_parse_id refuses what valid_id refuses, and NULL, leaving *out
 * alone.
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
	static const char *const bad[] = { "", "0", "00", "01", "-1", "+1",
	    " 1", "1 ", "1a", "0x1", "9223372036854775808",
	    "18446744073709551616", "1/2", NULL };
	const char *const	*s;
	int64_t			 v;

	for (s = bad; *s != NULL; s++) {
		v = -7;
		CHECK(!valid_parse_id(*s, &v));
		CHECK(v == -7);
	}
	CHECK(!valid_parse_id(NULL, &v));
	return CHECK_DONE();
}
