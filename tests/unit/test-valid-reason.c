/*
 * A validator leaves *reason alone on success and takes a NULL reason
 * pointer.
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
	const char	*r;

	r = "untouched";
	CHECK(valid_int(NULL, "12", 2, &r));
	CHECK_STR(r, "untouched");
	CHECK(valid_text(NULL, "x", 1, &r));
	CHECK_STR(r, "untouched");
	CHECK(!valid_int(NULL, "x", 1, NULL));
	CHECK(!valid_date(NULL, "x", 1, NULL));
	CHECK(!valid_email(NULL, "x", 1, NULL));
	CHECK(valid_bool(NULL, "on", 2, NULL));
	CHECK(!valid_int(NULL, "x", 1, &r));
	CHECK_STR(r, "valid.not_integer");
	CHECK_STR(why(valid_bool, NULL, "on", 2), "ok");
	return CHECK_DONE();
}
