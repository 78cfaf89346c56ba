/*
 * tz_to_utc() in summer: 18:00 in Madrid is 16:00 UTC (CEST, +2), in
 * the Canaries 17:00 UTC (WEST, +1); a zone south of the equator has
 * its summer in January.
 */
#include "check.h"
#include "tz.h"

int
main(void)
{
	char	 utc[TZ_TIME_LEN];

	CHECK(tz_to_utc("Europe/Madrid", "2030-07-15T18:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-07-15 16:00:00");
	CHECK(tz_to_utc("Atlantic/Canary", "2030-07-15T18:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-07-15 17:00:00");
	/* The first hour after the spring change is summer time. */
	CHECK(tz_to_utc("Europe/Madrid", "2030-03-31T03:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-03-31 01:00:00");
	/* The last minute before it is still winter time. */
	CHECK(tz_to_utc("Europe/Madrid", "2030-03-31T01:59", utc) == TZ_OK);
	CHECK_STR(utc, "2030-03-31 00:59:00");
	CHECK(tz_to_utc("Australia/Sydney", "2030-01-15T18:00", utc) ==
	    TZ_OK);
	CHECK_STR(utc, "2030-01-15 07:00:00");
	return CHECK_DONE();
}
