/*
 * tz: UTC and a zone's wall-clock time through the C library, with TZ
 * set for each call.  See tz.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "log.h"
#include "mem.h"
#include "tz.h"

#define TZ_DIR		"/usr/share/zoneinfo"
/* Real zones change offset months apart and by less than a day, so the
 * offsets in force a day either side of a wall-clock time are the only
 * ones it can have. */
#define TZ_SPAN		(24 * 60 * 60)

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' ||
	    c == '+';
}

/* The spelling rules of tz_valid: no dots, so no way out of the zone
 * directory, and no empty path part. */
static bool
name_ok(const char *zone)
{
	size_t	 i, len = strlen(zone);

	if (len == 0 || len > TZ_NAME_MAX || zone[0] == '/' ||
	    zone[0] == '-' || zone[len - 1] == '/')
		return false;
	for (i = 0; i < len; i++)
		if (!name_char(zone[i]) || (zone[i] == '/' &&
		    zone[i + 1] == '/'))
			return false;
	/* The server's own zone is not a place; "right/" zones count leap
	 * seconds and would put every time some seconds off. */
	return strcmp(zone, "localtime") != 0 &&
	    strncmp(zone, "right/", 6) != 0;
}

/* Whether the zone directory holds a compiled zone by that name: the
 * file starts with the TZif magic (a directory or a table does not). */
static bool
file_ok(const char *zone)
{
	const char	*dir = getenv("TZDIR");
	char		 path[512], magic[4];
	FILE		*f;
	bool		 ok;

	if (dir == NULL || *dir == '\0')
		dir = TZ_DIR;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, zone) >=
	    sizeof(path))
		return false;
	if ((f = fopen(path, "rb")) == NULL)
		return false;
	ok = fread(magic, 1, sizeof(magic), f) == sizeof(magic) &&
	    memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

/*
 * Is zone a zone of the database?
 */
bool
tz_valid(const char *zone)
{
	/* The last zone found: a page shows many times of one zone. */
	static char	 known[TZ_NAME_MAX + 1];

	if (zone == NULL || !name_ok(zone))
		return false;
	if (strcmp(zone, known) == 0)
		return true;
	if (!file_ok(zone))
		return false;
	snprintf(known, sizeof(known), "%s", zone);
	return true;
}

/*
 * Makes zone the C library's local time.  It stays so after the call:
 * putting the old TZ back would make glibc read and parse the zone file
 * again on every conversion (twice per time shown), and nothing else in
 * Ágora reads local time (everything else is gmtime_r and timegm).
 */
static void
zone_use(const char *zone)
{
	const char	*cur = getenv("TZ");

	if (cur != NULL && strcmp(cur, zone) == 0)
		return;
	setenv("TZ", zone, 1);
	tzset();
}

static int
digits(const char *s, size_t n)
{
	int	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * Reads "YYYY-MM-DD[T ]HH:MM[:SS[.f]]" and, when zulu, an optional final
 * 'Z' into *tm; false for anything else or a date that does not exist
 * (timegm would roll 2030-02-30 over into March).
 */
static bool
parse_time(const char *s, bool zulu, struct tm *tm)
{
	struct tm	 back;
	const char	*p;
	int		 y, mo, d, h, mi, sec = 0;
	time_t		 t;

	if (strlen(s) < 16 || s[4] != '-' || s[7] != '-' || s[13] != ':' ||
	    (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
		return false;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	p = s + 16;
	if (*p == ':') {
		if ((sec = digits(p + 1, 2)) < 0)
			return false;
		p += 3;
		if (*p == '.') {
			for (p++; *p >= '0' && *p <= '9'; p++)
				continue;
			if (p[-1] == '.')
				return false;
		}
	}
	if (zulu && (*p == 'Z' || *p == 'z'))
		p++;
	if (*p != '\0' || y < 1 || mo < 1 || mo > 12 || d < 1 || h < 0 ||
	    h > 23 || mi < 0 || mi > 59 || sec > 59)
		return false;
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
	back = *tm;
	t = timegm(&back);
	return back.tm_mday == d && back.tm_mon == mo - 1 && t != (time_t)-1;
}

static bool
format_time(const struct tm *tm, char out[TZ_TIME_LEN])
{
	return strftime(out, TZ_TIME_LEN, "%Y-%m-%d %H:%M:%S", tm) ==
	    TZ_TIME_LEN - 1;
}

/* The zone's offset from UTC, in seconds, at t (TZ already set). */
static long
offset_at(time_t t)
{
	struct tm	 tm;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return tm.tm_gmtoff;
}

static bool
same_wall(const struct tm *a, const struct tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon &&
	    a->tm_mday == b->tm_mday && a->tm_hour == b->tm_hour &&
	    a->tm_min == b->tm_min && a->tm_sec == b->tm_sec;
}

/*
 * The instant the zone (TZ already set) shows wall: each offset in
 * force around it is tried, and those that give wall back are the
 * answers.  None: the time is skipped.  Two: it is repeated, and the
 * earlier wins.
 */
static enum tz_status
wall_to_time(const struct tm *wall, time_t *out)
{
	struct tm	 w = *wall, got;
	time_t		 base, t;
	long		 offs[3];
	bool		 found = false;
	size_t		 i;

	base = timegm(&w);	/* the wall clock read as if it were UTC */
	offs[0] = offset_at(base - TZ_SPAN);
	offs[1] = offset_at(base);
	offs[2] = offset_at(base + TZ_SPAN);
	for (i = 0; i < 3; i++) {
		t = base - offs[i];
		if (localtime_r(&t, &got) == NULL || !same_wall(&got, wall))
			continue;
		if (!found || t < *out)
			*out = t;
		found = true;
	}
	return found ? TZ_OK : TZ_SKIPPED;
}

/*
 * Converts the wall-clock time local of zone to UTC.
 */
enum tz_status
tz_to_utc(const char *zone, const char *local, char utc[TZ_TIME_LEN])
{
	struct tm	 wall, tm;
	enum tz_status	 st;
	time_t		 t = 0;

	utc[0] = '\0';
	if (!tz_valid(zone))
		return TZ_UNKNOWN;
	if (local == NULL || !parse_time(local, false, &wall))
		return TZ_BADTIME;
	zone_use(zone);
	st = wall_to_time(&wall, &t);
	if (st != TZ_OK)
		return st;
	if (gmtime_r(&t, &tm) == NULL || !format_time(&tm, utc)) {
		utc[0] = '\0';
		return TZ_BADTIME;	/* past year 9999 */
	}
	return TZ_OK;
}

/* Whether the zone's (already set) local date at t is day's or later. */
static bool
on_or_after(time_t t, const struct tm *day)
{
	struct tm	 tm;

	if (localtime_r(&t, &tm) == NULL)
		return false;
	if (tm.tm_year != day->tm_year)
		return tm.tm_year > day->tm_year;
	if (tm.tm_mon != day->tm_mon)
		return tm.tm_mon > day->tm_mon;
	return tm.tm_mday >= day->tm_mday;
}

/*
 * The first instant of a local day: its midnight, or, where the zone
 * skips midnight (Santiago de Chile springs from 00:00 to 01:00), the
 * first wall-clock time after it that happens.  The first quarter hour
 * that happens is found, then the instant the day began within the
 * quarter before it (old local mean times jumped by odd minutes and
 * seconds); a day the zone skips entirely starts the next.
 */
enum tz_status
tz_day_start(const char *zone, const char *day, char utc[TZ_TIME_LEN])
{
	struct tm	 wall, tm;
	enum tz_status	 st;
	time_t		 t = 0, lo, mid;
	char		 midnight[TZ_TIME_LEN];
	int		 step;

	utc[0] = '\0';
	if (!tz_valid(zone))
		return TZ_UNKNOWN;
	if (day == NULL || strlen(day) != 10)
		return TZ_BADTIME;
	snprintf(midnight, sizeof(midnight), "%s 00:00", day);
	if (!parse_time(midnight, false, &wall))
		return TZ_BADTIME;
	zone_use(zone);
	st = TZ_SKIPPED;
	for (step = 0; st == TZ_SKIPPED && step <= 2 * 24 * 4; step++) {
		tm = wall;
		tm.tm_min += 15 * step;
		(void)timegm(&tm);	/* carries minutes into hours and days */
		st = wall_to_time(&tm, &t);
	}
	if (st != TZ_OK)
		return st;
	if (step > 1) {
		/* t happens and the quarter before it did not: the day began
		 * in between, where the local date first reached day's. */
		lo = t - 15 * 60;
		while (t - lo > 1) {
			mid = lo + (t - lo) / 2;
			if (on_or_after(mid, &wall))
				t = mid;
			else
				lo = mid;
		}
	}
	if (gmtime_r(&t, &tm) == NULL || !format_time(&tm, utc)) {
		utc[0] = '\0';
		return TZ_BADTIME;
	}
	return TZ_OK;
}

/*
 * Converts the UTC time utc to the wall-clock time of zone.
 */
enum tz_status
tz_from_utc(const char *zone, const char *utc, char local[TZ_TIME_LEN],
    char abbr[TZ_ABBR_MAX])
{
	struct tm	 tm;
	enum tz_status	 st = TZ_OK;
	time_t		 t;

	local[0] = '\0';
	if (abbr != NULL)
		abbr[0] = '\0';
	if (!tz_valid(zone))
		return TZ_UNKNOWN;
	if (utc == NULL || !parse_time(utc, true, &tm))
		return TZ_BADTIME;
	t = timegm(&tm);
	zone_use(zone);
	if (localtime_r(&t, &tm) == NULL || !format_time(&tm, local))
		st = TZ_BADTIME;
	/* tm_zone points into the zone's data: copied before TZ changes. */
	else if (abbr != NULL && tm.tm_zone != NULL)
		snprintf(abbr, TZ_ABBR_MAX, "%s", tm.tm_zone);
	if (st != TZ_OK)
		local[0] = '\0';
	return st;
}

void
tz_wall(const char *zone, const char *utc, char when[TZ_WHEN_LEN],
    char abbr[TZ_ABBR_MAX])
{
	char	 local[TZ_TIME_LEN];

	when[0] = abbr[0] = '\0';
	if (utc == NULL || strlen(utc) < 16)
		return;
	if (tz_from_utc(zone, utc, local, abbr) != TZ_OK) {
		log_warnx("cannot show %s in zone \"%s\"", utc,
		    zone != NULL ? zone : "");
		snprintf(local, sizeof(local), "%.10s %.5s", utc, utc + 11);
		snprintf(abbr, TZ_ABBR_MAX, "UTC");
	}
	snprintf(when, TZ_WHEN_LEN, "%.16s", local);
}

void
tz_label(const char *zone, const char *utc, char out[TZ_LABEL_LEN])
{
	char	 when[TZ_WHEN_LEN], abbr[TZ_ABBR_MAX];

	out[0] = '\0';
	tz_wall(zone, utc, when, abbr);
	if (when[0] != '\0')
		snprintf(out, TZ_LABEL_LEN, "%s %s", when, abbr);
}

const char *
tz_site(void)
{
	const char	*zone = cfg_str("server", "timezone", TZ_SITE_DEFAULT);
	static char	 checked[TZ_NAME_MAX + 1];

	/* Checked once per value: a zone the database lacks would refuse
	 * every time typed in it as if the person had mistyped. */
	if (strcmp(checked, zone) == 0)
		return zone;
	if (!tz_valid(zone)) {
		log_warnx("[server] timezone \"%s\" is not a zone; using %s",
		    zone, TZ_SITE_DEFAULT);
		return TZ_SITE_DEFAULT;
	}
	snprintf(checked, sizeof(checked), "%s", zone);
	return zone;
}

void
tz_site_label(const char *utc, char out[TZ_LABEL_LEN])
{
	tz_label(tz_site(), utc, out);
}
