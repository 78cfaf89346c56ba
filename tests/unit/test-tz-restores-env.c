/*
 * A conversion leaves TZ as it found it: set to another zone, or unset;
 * local time afterwards is the caller's again.
 */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "tz.h"

int
main(void)
{
	char		 out[TZ_TIME_LEN], abbr[TZ_ABBR_MAX];
	struct tm	 tm;
	time_t		 t = 1893456000;	/* 2030-01-01 00:00:00 UTC */

	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	CHECK(tz_to_utc("Europe/Madrid", "2030-01-15T18:00", out) == TZ_OK);
	CHECK(tz_from_utc("Atlantic/Canary", "2030-01-15T18:00Z", out,
	    abbr) == TZ_OK);
	CHECK_STR(getenv("TZ"), "Asia/Tokyo");
	localtime_r(&t, &tm);
	CHECK(tm.tm_hour == 9);
	CHECK_STR(tm.tm_zone, "JST");

	unsetenv("TZ");
	tzset();
	CHECK(tz_to_utc("Europe/Madrid", "2030-01-15T18:00", out) == TZ_OK);
	CHECK(getenv("TZ") == NULL);
	return CHECK_DONE();
}
