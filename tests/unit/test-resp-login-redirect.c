/*
 * A page GET answered 401 sends the browser to sign in and come back to
 * the page it asked for; the API gets a 401 problem document.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const page[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/events/3/edit",
		"DOCUMENT_URI=/events/3/edit",
		NULL
	};
	static const char *const api[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/api/v1/me",
		"DOCUMENT_URI=/api/v1/me",
		NULL
	};
	struct rt	 t;

	rt_init();
	rt_begin(&t, page, NULL);
	CHECK(rt_build(&t, HTTP_UNAUTHORIZED) == 303);
	CHECK_STR(rt_header(&t, "Location"), "/login?next=%2Fevents%2F3%2Fedit");
	CHECK_STR(rt_body(&t), "");
	rt_end(&t);

	rt_begin(&t, api, NULL);
	CHECK(rt_build(&t, HTTP_UNAUTHORIZED) == 401);
	CHECK(rt_header(&t, "Location") == NULL);
	CHECK_STR(rt_header(&t, "Content-Type"), "application/problem+json");
	CHECK(strstr(rt_body(&t), "\"status\":401") != NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
