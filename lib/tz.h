/*
 * tz: the wall-clock time of a place and UTC, both ways, through the C
 * library's copy of the IANA time zone database (Debian's tzdata, under
 * /usr/share/zoneinfo or $TZDIR).
 *
 * Ágora stores every time in UTC; people type and read the time of the
 * city where an event happens.  A zone is an IANA name such as
 * "Europe/Madrid" or "Atlantic/Canary".
 *
 * A conversion sets TZ to its zone and leaves it so (glibc then keeps
 * the zone parsed for the next call): the process's local time is the
 * last zone converted, and nothing else in Ágora reads local time.  That
 * makes these functions unsafe to call from two threads at once;
 * Ágora's programs are single-threaded preforked workers.
 *
 * Times are text, as forms and MariaDB have them:
 *	in:  "YYYY-MM-DD[T ]HH:MM[:SS[.f]]", tz_from_utc also a final 'Z'
 *	out: "YYYY-MM-DD HH:MM:SS" (19 bytes and a NUL)
 * Fractions of a second are dropped.
 *
 * Daylight saving changes:
 *	- a wall-clock time the zone skips (02:30 on the spring morning
 *	  Madrid goes from 02:00 to 03:00) is refused with TZ_SKIPPED: it
 *	  never happens there, and moving it silently could mislead;
 *	- a wall-clock time the zone repeats (02:30 on the autumn morning
 *	  Madrid goes from 03:00 back to 02:00) is the first of the two,
 *	  still in summer time, as RFC 5545 reads such a time.
 */
#ifndef AGORA_TZ_H
#define AGORA_TZ_H

#include <stdbool.h>

#define TZ_NAME_MAX	64	/* bytes of a zone name, NUL not counted */
#define TZ_ABBR_MAX	16	/* room for an abbreviation ("CEST", "-03") */
#define TZ_TIME_LEN	20	/* "YYYY-MM-DD HH:MM:SS" and its NUL */
#define TZ_WHEN_LEN	17	/* "YYYY-MM-DD HH:MM" and its NUL */
#define TZ_LABEL_LEN	(TZ_WHEN_LEN + TZ_ABBR_MAX)	/* ... " CEST" */
#define TZ_SITE_DEFAULT	"Europe/Madrid"	/* [server] timezone unset or bad */

enum tz_status {
	TZ_OK = 0,
	TZ_UNKNOWN,		/* not a zone tz_valid accepts */
	TZ_BADTIME,		/* not a date and time in the forms above */
	TZ_SKIPPED,		/* a local time the zone skips */
};

/*
 * Whether zone names a zone of the database: 1 to TZ_NAME_MAX bytes of
 * letters, digits, '/', '_', '-' and '+' (no leading '/' or '-', no
 * empty part), naming a TZif file under the zone directory.  "localtime"
 * (the server's own zone) and the leap-second "right/" zones are refused.
 */
bool		tz_valid(const char *zone);

/*
 * The local time local of zone as UTC into utc.  TZ_UNKNOWN, TZ_BADTIME
 * or TZ_SKIPPED leave utc an empty string.
 */
enum tz_status	tz_to_utc(const char *zone, const char *local,
		    char utc[TZ_TIME_LEN]);

/*
 * When the local day "YYYY-MM-DD" begins in zone, as UTC: its midnight,
 * or the first time after it the zone has when it skips midnight.  For
 * filters by day as people read days where an event happens.
 */
enum tz_status	tz_day_start(const char *zone, const char *day,
		    char utc[TZ_TIME_LEN]);

/*
 * The UTC time utc as the local time of zone into local and, when abbr
 * is not NULL, the zone's abbreviation then ("CET", "CEST", "WET").  On
 * failure local and abbr are empty strings.
 */
enum tz_status	tz_from_utc(const char *zone, const char *utc,
		    char local[TZ_TIME_LEN], char abbr[TZ_ABBR_MAX]);

/*
 * A stored UTC time as people read it where it happens, for pages:
 * when "2030-01-01 18:00" and abbr "CET".  When zone cannot be read (its
 * file gone from the server) the UTC time, marked "UTC", and the failure
 * is logged.  Both empty for a utc that is not a time.
 */
void		tz_wall(const char *zone, const char *utc,
		    char when[TZ_WHEN_LEN], char abbr[TZ_ABBR_MAX]);

/* The same as one label: "2030-01-01 18:00 CET". */
void		tz_label(const char *zone, const char *utc,
		    char out[TZ_LABEL_LEN]);

/* The site's zone ([server] timezone, else TZ_SITE_DEFAULT), for times
 * that belong to no city: a notification's, an outbox row's, a mega
 * event's; and tz_label in it. */
const char	*tz_site(void);
void		tz_site_label(const char *utc, char out[TZ_LABEL_LEN]);

#endif
