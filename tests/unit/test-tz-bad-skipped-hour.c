/*
 * A wall-clock time the spring change skips does not exist there and is
 * refused (TZ_SKIPPED, empty output) rather than moved: 02:00-02:59 in
 * Madrid on 2030-03-31, 01:00-01:59 in the Canaries.
 */
#include <string.h>

#include "check.h"
#include "tz.h"

int
main(void)
{
	char	 utc[TZ_TIME_LEN];

	strcpy(utc, "x");
	CHECK(tz_to_utc("Europe/Madrid", "2030-03-31T02:30", utc) ==
	    TZ_SKIPPED);
	CHECK_STR(utc, "");
	CHECK(tz_to_utc("Europe/Madrid", "2030-03-31T02:00", utc) ==
	    TZ_SKIPPED);
	CHECK(tz_to_utc("Europe/Madrid", "2030-03-31T02:59:59", utc) ==
	    TZ_SKIPPED);
	CHECK(tz_to_utc("Atlantic/Canary", "2030-03-31T01:30", utc) ==
	    TZ_SKIPPED);
	/* The same wall-clock time is fine where no clock moves then. */
	CHECK(tz_to_utc("Atlantic/Canary", "2030-03-31T02:30", utc) == TZ_OK);
	CHECK_STR(utc, "2030-03-31 01:30:00");
	CHECK(tz_to_utc("UTC", "2030-03-31T02:30", utc) == TZ_OK);
	return CHECK_DONE();
}
