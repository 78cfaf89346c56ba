/*
 * A conversion does not depend on the zone the process had before, nor
 * on the one converted last: zones in turn each give their own time.
 */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "tz.h"

int
main(void)
{
	char		 out[TZ_TIME_LEN], abbr[TZ_ABBR_MAX];
	int		 i;

	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	for (i = 0; i < 3; i++) {
		CHECK(tz_to_utc("Europe/Madrid", "2030-01-15T18:00", out) ==
		    TZ_OK);
		CHECK_STR(out, "2030-01-15 17:00:00");
		CHECK(tz_from_utc("Atlantic/Canary", "2030-01-15T18:00Z", out,
		    abbr) == TZ_OK);
		CHECK_STR(out, "2030-01-15 18:00:00");
		CHECK_STR(abbr, "WET");
		CHECK(tz_from_utc("Europe/Madrid", "2030-07-15T16:00:00Z", out,
		    abbr) == TZ_OK);
		CHECK_STR(out, "2030-07-15 18:00:00");
		CHECK_STR(abbr, "CEST");
	}
	unsetenv("TZ");
	tzset();
	CHECK(tz_to_utc("Atlantic/Canary", "2030-07-15T18:00", out) == TZ_OK);
	CHECK_STR(out, "2030-07-15 17:00:00");
	return CHECK_DONE();
}
