/*
 * A 405 names the methods the path has in an Allow header, for pages and
 * for the API.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const page[] = {
		"REQUEST_METHOD=DELETE",
		"REQUEST_URI=/events/3",
		"DOCUMENT_URI=/events/3",
		NULL
	};
	static const char *const api[] = {
		"REQUEST_METHOD=PUT",
		"REQUEST_URI=/api/v1/events",
		"DOCUMENT_URI=/api/v1/events",
		NULL
	};
	struct rt	 t;

	rt_init();
	rt_begin(&t, page, NULL);
	t.r.match.allowed = M_GET | M_POST;
	CHECK(rt_build(&t, HTTP_METHOD_NOT_ALLOWED) == 405);
	CHECK(strncmp(buf_str(&t.out), "Status: 405 Method Not Allowed\r\n", 32) == 0);
	CHECK_STR(rt_header(&t, "Allow"), "GET, HEAD, POST");
	CHECK(strstr(rt_body(&t), "<p class=\"code\">405</p>") != NULL);
	rt_end(&t);

	rt_begin(&t, api, NULL);
	t.r.match.allowed = M_GET | M_POST | M_DELETE;
	CHECK(rt_build(&t, HTTP_METHOD_NOT_ALLOWED) == 405);
	CHECK_STR(rt_header(&t, "Allow"), "GET, HEAD, POST, DELETE");
	CHECK_STR(rt_header(&t, "Content-Type"), "application/problem+json");
	CHECK(strstr(rt_body(&t), "\"status\":405") != NULL);
	rt_end(&t);

	/* No other status names methods. */
	rt_begin(&t, api, NULL);
	t.r.match.allowed = M_GET;
	CHECK(rt_build(&t, HTTP_NOT_FOUND) == 404);
	CHECK(rt_header(&t, "Allow") == NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
