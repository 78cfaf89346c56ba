/*
 * The method in the access line comes from the request too
 * (REQUEST_METHOD is logged even when it is unknown and answered 405),
 * so its control characters must not reach the log raw: one request, one
 * line.
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

	log_init("test", LOG_LEVEL_INFO);
	cap_begin();
	log_request("GET\nts=2020-01-01T00:00:00.000Z level=warn forged=1",
	    "/", NULL, 405, 1.0, NULL);
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(strchr(out, '\n') == out + strlen(out) - 1);
	cap_begin();
	log_request("G\x1b[2JET", "/", NULL, 405, 1.0, NULL);
	out = cap_end();
	CHECK(strchr(out, 0x1b) == NULL);
	return CHECK_DONE();
}
