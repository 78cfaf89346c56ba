/*
 * tz_from_utc() gives the wall-clock time and abbreviation of the zone
 * on either side of a change: CET/CEST in Madrid, WET/WEST in the
 * Canaries; MariaDB's form and the API's (a final Z) are both read.
 */
#include "check.h"
#include "tz.h"

int
main(void)
{
	char	 local[TZ_TIME_LEN], abbr[TZ_ABBR_MAX];

	CHECK(tz_from_utc("Europe/Madrid", "2030-01-15T17:00:00Z", local,
	    abbr) == TZ_OK);
	CHECK_STR(local, "2030-01-15 18:00:00");
	CHECK_STR(abbr, "CET");
	CHECK(tz_from_utc("Europe/Madrid", "2030-07-15 16:00:00", local,
	    abbr) == TZ_OK);
	CHECK_STR(local, "2030-07-15 18:00:00");
	CHECK_STR(abbr, "CEST");
	CHECK(tz_from_utc("Atlantic/Canary", "2030-01-15T17:00:00Z", local,
	    abbr) == TZ_OK);
	CHECK_STR(local, "2030-01-15 17:00:00");
	CHECK_STR(abbr, "WET");
	CHECK(tz_from_utc("Atlantic/Canary", "2030-07-15T16:00Z", local,
	    abbr) == TZ_OK);
	CHECK_STR(local, "2030-07-15 17:00:00");
	CHECK_STR(abbr, "WEST");
	/* Both sides of the autumn change show 02:30, in summer time
	 * then in winter time. */
	CHECK(tz_from_utc("Europe/Madrid", "2030-10-27T00:30:00Z", local,
	    abbr) == TZ_OK);
	CHECK_STR(local, "2030-10-27 02:30:00");
	CHECK_STR(abbr, "CEST");
	CHECK(tz_from_utc("Europe/Madrid", "2030-10-27T01:30:00Z", local,
	    abbr) == TZ_OK);
	CHECK_STR(local, "2030-10-27 02:30:00");
	CHECK_STR(abbr, "CET");
	/* abbr may be left out. */
	CHECK(tz_from_utc("Europe/Madrid", "2030-01-15T17:00:00Z", local,
	    NULL) == TZ_OK);
	CHECK_STR(local, "2030-01-15 18:00:00");
	return CHECK_DONE();
}
