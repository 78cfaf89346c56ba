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
#include "capture-stderr.h"

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
