/*
 * valid_datetime accepts ISO 8601 forms and the HTML datetime-local value.
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
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30")), "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:59")), "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30Z")), "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:00Z")), "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:00+02:00")),
	    "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30-03:30")), "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T00:00:00.5Z")), "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T23:59:59.123456")),
	    "ok");
	CHECK_STR(why(valid_datetime, NULL, S("2024-02-29t12:00z")), "ok");
	CHECK_STR(why(valid_datetime, NULL, S("9999-12-31T23:59:59-23:59")),
	    "ok");
	return CHECK_DONE();
}
