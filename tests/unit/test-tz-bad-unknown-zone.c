/*
 * Names that are not zones: unknown ones, paths out of the zone
 * directory, the directory's tables and folders, the server's own zone,
 * leap-second zones, bad characters and over-long names.  Conversions
 * with them fail with TZ_UNKNOWN and empty outputs, never as UTC.
 */
#include <string.h>

#include "check.h"
#include "tz.h"

int
main(void)
{
	char	 out[TZ_TIME_LEN], abbr[TZ_ABBR_MAX], longname[100];

	CHECK(!tz_valid(NULL));
	CHECK(!tz_valid(""));
	CHECK(!tz_valid("Mars/Olympus_Mons"));
	CHECK(!tz_valid("Europe/../../../etc/passwd"));
	CHECK(!tz_valid("/etc/passwd"));
	CHECK(!tz_valid("Europe//Madrid"));
	CHECK(!tz_valid("Europe/Madrid/"));
	CHECK(!tz_valid("Europe"));
	CHECK(!tz_valid("zone.tab"));
	CHECK(!tz_valid("leapseconds"));
	CHECK(!tz_valid("localtime"));
	CHECK(!tz_valid("right/Europe/Madrid"));
	CHECK(!tz_valid("Europe/Madrid "));
	CHECK(!tz_valid("Europe/Madrid\n"));
	CHECK(!tz_valid("-Europe/Madrid"));
	CHECK(!tz_valid("CET-1CEST,M3.5.0,M10.5.0/3"));
	memset(longname, 'A', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	CHECK(!tz_valid(longname));

	strcpy(out, "x");
	CHECK(tz_to_utc("Mars/Olympus_Mons", "2030-01-15T18:00", out) ==
	    TZ_UNKNOWN);
	CHECK_STR(out, "");
	strcpy(out, "x");
	strcpy(abbr, "x");
	CHECK(tz_from_utc("Mars/Olympus_Mons", "2030-01-15T18:00Z", out,
	    abbr) == TZ_UNKNOWN);
	CHECK_STR(out, "");
	CHECK_STR(abbr, "");
	CHECK(tz_to_utc(NULL, "2030-01-15T18:00", out) == TZ_UNKNOWN);
	return CHECK_DONE();
}
