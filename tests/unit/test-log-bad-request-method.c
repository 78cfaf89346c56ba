/*
 * The method in the access line comes from the request too
 * (REQUEST_METHOD is logged even when it is unknown and answered 405),
 * so its control characters must not reach the log raw: one request, one
 * line.
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
