/*
 * A log line is one write of "key=value" fields: time, level, program,
 * pid, function and the quoted message; log_warn adds strerror(errno)
 * and leaves errno as it was.
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
	char		 want[64];

	log_init("events", LOG_LEVEL_INFO);
	cap_begin();
	log_warnx("plain %d", 5);
	out = cap_end();
	CHECK(strncmp(out, "ts=", 3) == 0);
	CHECK(out[26] == 'Z');
	CHECK(strstr(out, " level=warn prog=events pid=") != NULL);
	snprintf(want, sizeof(want), " pid=%ld ", (long)getpid());
	CHECK(strstr(out, want) != NULL);
	CHECK(strstr(out, " func=main msg=\"plain 5\"\n") != NULL);
	CHECK(strstr(out, " rid=") == NULL);
	CHECK(count(out, '\n') == 1);

	cap_begin();
	errno = ENOENT;
	log_warn("open %s", "x.conf");
	CHECK(errno == ENOENT);
	out = cap_end();
	snprintf(want, sizeof(want), "msg=\"open x.conf: %s\"",
	    strerror(ENOENT));
	CHECK(strstr(out, want) != NULL);
	CHECK(strstr(out, " level=warn ") != NULL);
	return CHECK_DONE();
}
