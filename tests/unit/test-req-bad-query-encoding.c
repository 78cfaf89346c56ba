/*
 * A query string with a broken escape or a NUL is a 400; one that decodes
 * to invalid UTF-8 is a 400 with "valid.bad_utf8"; a value over field_max
 * is a 413.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

static enum http_status
get_query(const char *q, const char **detail)
{
	char		 qs[400];
	const char	*const env[] = {
		"REQUEST_METHOD=GET", "REQUEST_URI=/x", qs, NULL
	};

	snprintf(qs, sizeof(qs), "QUERY_STRING=%s", q);
	return parse_env(env, NULL, 0, detail);
}

int
main(void)
{
	char		 q[200];
	const char	*d;

	CHECK(get_query("a=%zz", &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "error_detail.400");
	CHECK(get_query("a=%4", &d) == HTTP_BAD_REQUEST);
	CHECK(get_query("a=%00", &d) == HTTP_BAD_REQUEST);
	CHECK(get_query("a=%E9", &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_utf8");
	CHECK(get_query("%C0%AF=1", &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_utf8");
	memcpy(q, "a=", 2);
	memset(q + 2, 'v', 101);
	q[103] = '\0';
	CHECK(get_query(q, &d) == HTTP_PAYLOAD_TOO_LARGE);
	return CHECK_DONE();
}
