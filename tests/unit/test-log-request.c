/*
 * log_request() writes the access line: method, status, duration, route
 * pattern, quoted path and user ("-" when there is no route or user).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "check.h"

static FILE	*cap_file;
static int	 cap_saved = -1;
static char	 cap_out[1 << 20];	/* what one test writes, at most */

/* Sends stderr (fd 2, where log writes) to a temporary file. */
static void
cap_begin(void)
{
	fflush(stderr);
	cap_file = tmpfile();
	cap_saved = dup(STDERR_FILENO);
	if (cap_file == NULL || cap_saved == -1 ||
	    dup2(fileno(cap_file), STDERR_FILENO) == -1) {
		perror("capture");
		_exit(1);
	}
}

/* Puts stderr back and returns what was written meanwhile. */
static const char *
cap_end(void)
{
	size_t	 n;

	fflush(stderr);
	dup2(cap_saved, STDERR_FILENO);
	close(cap_saved);
	rewind(cap_file);
	n = fread(cap_out, 1, sizeof(cap_out) - 1, cap_file);
	cap_out[n] = '\0';
	fclose(cap_file);
	return cap_out;
}

/* How many times c occurs in s. */
static size_t
count(const char *s, char c)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (*s == c)
			n++;
	return n;
}

int
main(void)
{
	const char	*out;

	log_init("events", LOG_LEVEL_WARN);	/* access lines always go out */
	cap_begin();
	log_request("POST", "/events/5/enroll", "/events/{id}/enroll", 303,
	    12.345, "42");
	out = cap_end();
	CHECK(strstr(out, " level=info prog=events ") != NULL);
	CHECK(strstr(out, " method=POST status=303 dur_ms=12.35 "
	    "route=\"/events/{id}/enroll\" path=\"/events/5/enroll\" "
	    "user=42\n") != NULL);
	CHECK(count(out, '\n') == 1);

	cap_begin();
	log_request("GET", "/nope", NULL, 404, 0.1, NULL);
	out = cap_end();
	CHECK(strstr(out, " method=GET status=404 dur_ms=0.10 route=\"-\" "
	    "path=\"/nope\" user=-\n") != NULL);
	return CHECK_DONE();
}
