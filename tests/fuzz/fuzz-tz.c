/*
 * fuzz-tz: the first line of the input as a zone name, the rest as a
 * time, through tz_valid, tz_to_utc and tz_from_utc; checks what tz.h
 * promises: an answer is 19 bytes, a failure leaves empty outputs, and
 * a converted time converts back.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	/* A wall-clock time read back is the same instant. */
	if (tz_to_utc(zone, when, utc) == TZ_OK &&
	    (tz_from_utc(zone, utc, local, NULL) != TZ_OK ||
	    tz_to_utc(zone, local, back) != TZ_OK || strcmp(back, utc) != 0))
		abort();
	return 0;
}
