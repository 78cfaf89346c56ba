/*
 * A request id with spaces, quotes, control or non-ASCII bytes cannot
 * break the line: such bytes become "_", and an overlong id is cut.
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
	char		 longid[200];

	log_init("test", LOG_LEVEL_INFO);
	log_set_request_id("ab c\"d\ne\x7f\xc3\xa1");
	cap_begin();
	log_info("x");
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(strstr(out, " rid=ab_c_d_e___ func=main ") != NULL);

	memset(longid, 'f', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	log_set_request_id(longid);
	cap_begin();
	log_info("x");
	out = cap_end();
	CHECK(strstr(out, " rid=fffffffffffffffffffffffffffffffffffffffff"
	    "ffffffffffffffffffffff func=main ") != NULL);
	log_set_request_id("");
	cap_begin();
	log_info("x");
	out = cap_end();
	CHECK(strstr(out, "rid=") == NULL);
	return CHECK_DONE();
}
