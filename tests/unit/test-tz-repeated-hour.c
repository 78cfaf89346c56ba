/*
 * A wall-clock time the autumn change repeats is its first occurrence,
 * still in summer time: 02:30 in Madrid on 2030-10-27 is 00:30 UTC, not
 * 01:30.  The times around it have one reading each.
 */
#include "check.h"
#include "tz.h"

int
main(void)
{
	char	 utc[TZ_TIME_LEN];

	CHECK(tz_to_utc("Europe/Madrid", "2030-10-27T02:30", utc) == TZ_OK);
	CHECK_STR(utc, "2030-10-27 00:30:00");
	CHECK(tz_to_utc("Europe/Madrid", "2030-10-27T02:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-10-27 00:00:00");
	CHECK(tz_to_utc("Europe/Madrid", "2030-10-27T01:59", utc) == TZ_OK);
	CHECK_STR(utc, "2030-10-26 23:59:00");
	CHECK(tz_to_utc("Europe/Madrid", "2030-10-27T03:00", utc) == TZ_OK);
	CHECK_STR(utc, "2030-10-27 02:00:00");
	/* The Canaries repeat 01:00-02:00 at the same instant. */
	CHECK(tz_to_utc("Atlantic/Canary", "2030-10-27T01:30", utc) == TZ_OK);
	CHECK_STR(utc, "2030-10-27 00:30:00");
	return CHECK_DONE();
}
