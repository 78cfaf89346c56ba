/*
 * Times tz_to_utc and tz_from_utc do not read: dates that do not exist,
 * hours out of range, a zone or offset where a wall-clock time is
 * wanted, half-written values, and a result past year 9999.
 */
#include <string.h>

#include "check.h"
#include "tz.h"

static const char *const bad[] = {
	"", "2030-01-15", "2030-01-15T18", "2030-01-15T18:0",
	"2030-02-30T10:00", "2030-13-01T10:00", "2030-00-10T10:00",
	"2030-01-15T24:00", "2030-01-15T18:60", "2030-01-15T18:00:60",
	"2030-01-15T18:00:00.", "2030-01-15X18:00", "2030/01/15T18:00",
	"0000-01-15T18:00", "2030-01-15T18:00+01:00", "2030-01-15T18:00 ",
	"+030-01-15T18:00", "2030-01-15T18:00:5",
};

int
main(void)
{
	char	 out[TZ_TIME_LEN], abbr[TZ_ABBR_MAX];
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strcpy(out, "x");
		CHECK(tz_to_utc("Europe/Madrid", bad[i], out) == TZ_BADTIME);
		CHECK_STR(out, "");
		CHECK(tz_from_utc("Europe/Madrid", bad[i], out, abbr) ==
		    TZ_BADTIME);
		CHECK_STR(out, "");
	}
	/* A local time has no Z. */
	CHECK(tz_to_utc("Europe/Madrid", "2030-01-15T18:00Z", out) ==
	    TZ_BADTIME);
	CHECK(tz_to_utc("Europe/Madrid", NULL, out) == TZ_BADTIME);
	CHECK(tz_from_utc("Europe/Madrid", NULL, out, NULL) == TZ_BADTIME);
	/* West of UTC, the last evening of 9999 is in year 10000. */
	CHECK(tz_to_utc("America/New_York", "9999-12-31T23:30", out) ==
	    TZ_BADTIME);
	CHECK_STR(out, "");
	/* West of UTC, the first midnight of year 1 is still in year 0. */
	CHECK(tz_from_utc("America/New_York", "0001-01-01T00:00:00Z", out,
	    abbr) == TZ_BADTIME);
	CHECK_STR(out, "");
	return CHECK_DONE();
}
