/*
 * fuzz-tz: the first line of the input as a zone name, the rest as a
 * time, through tz_valid, tz_to_utc, tz_from_utc and (its first ten
 * bytes as a day) tz_day_start; checks what tz.h promises: an answer is
 * 19 bytes, a failure leaves empty outputs, a converted time converts
 * back, and a day starts on that day (or, skipped whole, the next).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define INPUT_MAX	256

static void
check_out(enum tz_status st, const char *out)
{
	if (st == TZ_OK ? strlen(out) != TZ_TIME_LEN - 1 : out[0] != '\0')
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		 buf[INPUT_MAX + 1], utc[TZ_TIME_LEN];
	char		 local[TZ_TIME_LEN], back[TZ_TIME_LEN];
	char		 abbr[TZ_ABBR_MAX];
	char		*zone, *when, *nl;
	enum tz_status	 st;

	if (size > INPUT_MAX)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	zone = buf;
	if ((nl = strchr(buf, '\n')) == NULL)
		return 0;
	*nl = '\0';
	when = nl + 1;
	(void)tz_valid(zone);
	st = tz_to_utc(zone, when, utc);
	check_out(st, utc);
	st = tz_from_utc(zone, when, local, abbr);
	check_out(st, local);
	if (st != TZ_OK && abbr[0] != '\0')
		abort();
	if (strlen(when) >= 10) {
		char	 day[11], midnight[TZ_TIME_LEN], start[TZ_TIME_LEN];

		memcpy(day, when, 10);
		day[10] = '\0';
		snprintf(midnight, sizeof(midnight), "%s 00:00:00", day);
		st = tz_day_start(zone, day, start);
		check_out(st, start);
		if (st == TZ_OK && (tz_from_utc(zone, start, local, NULL) !=
		    TZ_OK || strcmp(local, midnight) < 0))
			abort();
		/* A second earlier it was still an earlier day there. */
		if (st == TZ_OK && strcmp(start, "0001-01-02") > 0) {
			struct tm	 tm = { 0 };
			char		 before[TZ_TIME_LEN];
			time_t		 t;

			if (strptime(start, "%Y-%m-%d %H:%M:%S", &tm) == NULL)
				abort();
			t = timegm(&tm) - 1;
			if (gmtime_r(&t, &tm) == NULL)
				abort();
			strftime(before, sizeof(before), "%Y-%m-%d %H:%M:%S",
			    &tm);
			if (tz_from_utc(zone, before, local, NULL) == TZ_OK &&
			    strncmp(local, day, 10) >= 0)
				abort();
		}
	}
	/* A wall-clock time read back is the same instant. */
	if (tz_to_utc(zone, when, utc) == TZ_OK &&
	    (tz_from_utc(zone, utc, local, NULL) != TZ_OK ||
	    tz_to_utc(zone, local, back) != TZ_OK || strcmp(back, utc) != 0))
		abort();
	return 0;
}
