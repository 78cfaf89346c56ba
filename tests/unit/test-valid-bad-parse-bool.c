/*
 * valid_parse_bool refuses other words and NULL, leaving *out alone.
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
	static const char *const bad[] = { "", "t", "f", "2", "-1", "nope",
	    "true ", " no", "si", "enabled", NULL };
	const char *const	*s;
	bool			 b;

	for (s = bad; *s != NULL; s++) {
		b = true;
		CHECK(!valid_parse_bool(*s, &b));
		CHECK(b);
		b = false;
		CHECK(!valid_parse_bool(*s, &b));
		CHECK(!b);
	}
	CHECK(!valid_parse_bool(NULL, &b));
	return CHECK_DONE();
}
