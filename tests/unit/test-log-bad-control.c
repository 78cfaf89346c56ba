/*
 * Control characters, quotes and backslashes in a message are escaped, so
 * a logged value cannot start a line of its own or end the quoted msg.
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

	log_init("test", LOG_LEVEL_DEBUG);
	cap_begin();
	log_warnx("user %s",
	    "ana\nts=2020-01-01T00:00:00Z level=warn forged=1");
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(out[strlen(out) - 1] == '\n');
	CHECK(strstr(out, "msg=\"user ana\\x0ats=2020-01-01T00:00:00Z "
	    "level=warn forged=1\"\n") != NULL);

	cap_begin();
	log_info("%s", "a\rb\tc\x1b[31md\x7f" "e\"f\\g\x01");
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(strchr(out, '\r') == NULL && strchr(out, '\t') == NULL);
	CHECK(strchr(out, 0x1b) == NULL && strchr(out, 0x7f) == NULL);
	CHECK(strstr(out, "msg=\"a\\x0db\\x09c\\x1b[31md\\x7fe\\\"f"
	    "\\\\g\\x01\"\n") != NULL);
	/* UTF-8 text is kept as it is. */
	cap_begin();
	log_info("Ágora ñ");
	out = cap_end();
	CHECK(strstr(out, "msg=\"Ágora ñ\"") != NULL);
	return CHECK_DONE();
}
