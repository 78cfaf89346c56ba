/*
 * tz_to_utc() in winter: 18:00 in Madrid is 17:00 UTC (CET, +1), 18:00
 * in the Canaries is 18:00 UTC (WET, +0); the forms a datetime-local
 * input and MariaDB write are both read.
 */
#include "check.h"
#include "tz.h"

int
main(void)
{
	char	 utc[TZ_TIME_LEN];

	CHECK(tz_to_utc("Europe/Madrid", "2030-01-15T18:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-01-15 17:00:00");
	CHECK(tz_to_utc("Atlantic/Canary", "2030-01-15T18:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-01-15 18:00:00");
	CHECK(tz_to_utc("Europe/Madrid", "2030-01-15 18:00:30", utc) == TZ_OK);
	CHECK_STR(utc, "2030-01-15 17:00:30");
	/* A fraction of a second is dropped. */
	CHECK(tz_to_utc("Europe/Madrid", "2030-01-15T18:00:30.250", utc) ==
	    TZ_OK);
	CHECK_STR(utc, "2030-01-15 17:00:30");
	/* Crossing midnight and the year. */
	CHECK(tz_to_utc("Europe/Madrid", "2030-01-01T00:30", utc) == TZ_OK);
	CHECK_STR(utc, "2029-12-31 23:30:00");
	CHECK(tz_to_utc("America/New_York", "2030-12-31T20:00", utc) == TZ_OK);
	CHECK_STR(utc, "2031-01-01 01:00:00");
	CHECK(tz_to_utc("UTC", "2030-01-15T18:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-01-15 18:00:00");
	return CHECK_DONE();
}
