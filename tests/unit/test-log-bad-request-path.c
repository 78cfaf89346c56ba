/*
 * A path or route with control characters or quotes is escaped in the
 * access line, so a request cannot forge another line.
 */
#include <errno.h>
#include <string.h>

#include "log.h"
#include "check.h"
#include "capture-stderr.h"

int
main(void)
{
	const char	*out;

	log_init("test", LOG_LEVEL_INFO);
	cap_begin();
	log_request("GET", "/x\" status=200\nts=forged", "/\x1b]0;", 404,
	    1.0, NULL);
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(strstr(out, "path=\"/x\\\" status=200\\x0ats=forged\"") !=
	    NULL);
	CHECK(strstr(out, "route=\"/\\x1b]0;\"") != NULL);
	return CHECK_DONE();
}
