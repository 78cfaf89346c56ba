/*
 * Malformed or impossible date-times are valid.bad_datetime.
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
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01 18:30")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T24:00")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:60")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:60")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:5")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30.")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:00.")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30:00.1234567")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30+2")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30+0200")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30+24:00")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30ZZ")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30Z ")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2023-02-29T12:00")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-5-01T18:30")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T8:30")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("")), "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, S("2024-05-01T18:30+02:00x")),
	    "valid.bad_datetime");
	CHECK_STR(why(valid_datetime, NULL, "2024-05-01T18:30", 15),
	    "valid.bad_datetime");
	return CHECK_DONE();
}
