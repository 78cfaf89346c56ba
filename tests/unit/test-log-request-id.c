/*
 * After log_set_request_id() every line carries rid= with nginx's
 * request id, until it is cleared with NULL.
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
