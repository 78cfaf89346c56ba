/*
 * The Location of a redirect is always a local path: a scheme-relative
 * or absolute URL, a backslash trick, a tab or other control byte that
 * browsers drop (then "/\t/x" is "//x"), a header break or no redirect
 * at all sends the browser to "/"; resp_local_path() tells the same.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const page[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/events",
		"DOCUMENT_URI=/events",
		NULL
	};
	static const char *const api[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/events",
		"DOCUMENT_URI=/api/v1/events",
		NULL
	};
	static const char *const bad[] = {
		"//evil.example",
		"//evil.example/events",
		"https://evil",
		"http://evil.example/",
		"/\\evil.example",
		"evil.example",
		"javascript:alert(1)",
		"",
		"/ok\r\nSet-Cookie: x=1",
		"/ok\nX-Evil: 1",
		"/\t/evil.example",
		"/\x0b/evil.example",
		"/events\x7f",
		NULL
	};
	struct rt	 t;
	size_t		 i;

	rt_init();
	CHECK(resp_local_path("/events?q=pan de barrio&page=2"));
	CHECK(resp_local_path("/"));
	for (i = 0; bad[i] != NULL; i++) {
		CHECK(!resp_local_path(bad[i]));
		rt_begin(&t, page, NULL);
		t.r.redirect = bad[i];
		CHECK(rt_build(&t, HTTP_CREATED) == 303);
		CHECK_STR(rt_header(&t, "Location"), "/");
		CHECK(rt_header(&t, "X-Evil") == NULL);
		CHECK(rt_set_cookie(&t, "x") == NULL);
		rt_end(&t);

		rt_begin(&t, api, NULL);
		t.r.redirect = bad[i];
		CHECK(rt_build(&t, HTTP_CREATED) == 201);
		CHECK_STR(rt_header(&t, "Location"), "/");
		rt_end(&t);
	}
	rt_begin(&t, page, NULL);	/* a 303 with no redirect */
	CHECK(rt_build(&t, HTTP_SEE_OTHER) == 303);
	CHECK_STR(rt_header(&t, "Location"), "/");
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
