/*
 * Where a local day begins, as UTC: midnight in Madrid winter and
 * summer and in the Canaries; in Santiago de Chile, whose spring change
 * skips midnight, the day begins at 01:00, the first time it has.
 */
#include <string.h>

#include "check.h"
#include "tz.h"

int
main(void)
{
	char	 utc[TZ_TIME_LEN];

	CHECK(tz_day_start("Europe/Madrid", "2031-01-15", utc) == TZ_OK);
	CHECK_STR(utc, "2031-01-14 23:00:00");
	CHECK(tz_day_start("Europe/Madrid", "2031-07-15", utc) == TZ_OK);
	CHECK_STR(utc, "2031-07-14 22:00:00");
	CHECK(tz_day_start("Atlantic/Canary", "2031-01-15", utc) == TZ_OK);
	CHECK_STR(utc, "2031-01-15 00:00:00");
	/* The spring change in Madrid is at 02:00: midnight is there. */
	CHECK(tz_day_start("Europe/Madrid", "2030-03-31", utc) == TZ_OK);
	CHECK_STR(utc, "2030-03-30 23:00:00");
	CHECK(tz_day_start("America/Santiago", "2030-09-08", utc) == TZ_OK);
	CHECK_STR(utc, "2030-09-08 04:00:00");
	CHECK(tz_day_start("America/Santiago", "2030-09-09", utc) == TZ_OK);
	CHECK_STR(utc, "2030-09-09 03:00:00");
	/* Not a day, or not a zone: an empty answer. */
	strcpy(utc, "x");
	CHECK(tz_day_start("Europe/Madrid", "2031-02-30", utc) == TZ_BADTIME);
	CHECK_STR(utc, "");
	CHECK(tz_day_start("Europe/Madrid", "2031-01-15 10:00", utc) ==
	    TZ_BADTIME);
	CHECK(tz_day_start("Mars/Olympus", "2031-01-15", utc) == TZ_UNKNOWN);
	return CHECK_DONE();
}
