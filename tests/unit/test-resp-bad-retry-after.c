/*
 * 503 and 429 tell the client when to come back: the handler's
 * retry_after when it set one, five seconds otherwise.  Other statuses
 * carry no Retry-After.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const page[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/events",
		"DOCUMENT_URI=/events",
		NULL
	};
	static const char *const api[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/login",
		"DOCUMENT_URI=/api/v1/login",
		NULL
	};
	struct rt	 t;

	rt_init();
	rt_begin(&t, page, NULL);
	t.r.retry_after = 30;
	CHECK(rt_build(&t, HTTP_UNAVAILABLE) == 503);
	CHECK(strncmp(buf_str(&t.out), "Status: 503 Service Unavailable\r\n", 33) == 0);
	CHECK_STR(rt_header(&t, "Retry-After"), "30");
	CHECK(strstr(rt_body(&t), "<p class=\"code\">503</p>") != NULL);
	t.r.retry_after = 0;
	CHECK(rt_build(&t, HTTP_UNAVAILABLE) == 503);
	CHECK_STR(rt_header(&t, "Retry-After"), "5");
	CHECK(rt_build(&t, HTTP_FORBIDDEN) == 403);
	CHECK(rt_header(&t, "Retry-After") == NULL);
	rt_end(&t);

	rt_begin(&t, api, NULL);
	t.r.retry_after = 61;
	CHECK(rt_build(&t, HTTP_TOO_MANY_REQUESTS) == 429);
	CHECK(strncmp(buf_str(&t.out), "Status: 429 Too Many Requests\r\n", 31) == 0);
	CHECK_STR(rt_header(&t, "Retry-After"), "61");
	CHECK_STR(rt_header(&t, "Content-Type"), "application/problem+json");
	CHECK(strstr(rt_body(&t), "\"status\":429") != NULL);
	t.r.retry_after = -4;	/* nonsense falls back to the default */
	CHECK(rt_build(&t, HTTP_TOO_MANY_REQUESTS) == 429);
	CHECK_STR(rt_header(&t, "Retry-After"), "5");
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
