/*
 * More than fields_max pairs in a form body or in the query string is a
 * 413; exactly fields_max is fine.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

static enum http_status
parse(const char *method, const char *query, const char *body)
{
	enum http_status	 st;
	const char		*detail;
	char			 me[100], qs[300];
	const char		*const env[] = {
		me, "REQUEST_URI=/events", qs,
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};

	snprintf(me, sizeof(me), "REQUEST_METHOD=%s", method);
	snprintf(qs, sizeof(qs), "QUERY_STRING=%s", query);
	st = parse_env(env, body, strlen(body), &detail);
	if (st == HTTP_PAYLOAD_TOO_LARGE)
		CHECK_STR(detail, "error_detail.too_many_fields");
	return st;
}

int
main(void)
{
	static const char ten[] = "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10";
	static const char eleven[] =
	    "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11";

	CHECK(parse("POST", "", eleven) == HTTP_PAYLOAD_TOO_LARGE);
	CHECK(parse("GET", eleven, "") == HTTP_PAYLOAD_TOO_LARGE);
	CHECK(parse("POST", eleven, "") == HTTP_PAYLOAD_TOO_LARGE);
	CHECK(parse("POST", "", ten) == HTTP_OK);
	CHECK(parse("GET", ten, "") == HTTP_OK);
	return CHECK_DONE();
}
