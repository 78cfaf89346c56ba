/*
 * After log_set_request_id() every line carries rid= with nginx's
 * request id, until it is cleared with NULL.
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
	log_set_request_id("3f2a9c0d1e5b4a7f8c6d2e1f0a9b8c7d");
	cap_begin();
	log_info("inside");
	log_request("GET", "/events", "/events", 200, 1.5, "7");
	out = cap_end();
	CHECK(count(out, '\n') == 2);
	CHECK(strstr(out, " rid=3f2a9c0d1e5b4a7f8c6d2e1f0a9b8c7d func=main "
	    "msg=\"inside\"\n") != NULL);
	CHECK(strstr(out, " rid=3f2a9c0d1e5b4a7f8c6d2e1f0a9b8c7d method=GET")
	    != NULL);

	log_set_request_id(NULL);
	cap_begin();
	log_info("outside");
	out = cap_end();
	CHECK(strstr(out, "rid=") == NULL);
	CHECK(strstr(out, "msg=\"outside\"") != NULL);
	return CHECK_DONE();
}
