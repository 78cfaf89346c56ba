/*
 * log_request() writes the access line: method, status, duration, route
 * pattern, quoted path and user ("-" when there is no route or user).
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
