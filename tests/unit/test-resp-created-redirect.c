/*
 * Post/Redirect/Get: a page's 201 (or a 204 with a redirect) becomes a
 * 303 to the handler's Location with an empty body, carrying the flash
 * key in a cookie; the API keeps its 201 and adds the Location.
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
	struct rt	 t;

	rt_init();
	rt_begin(&t, page, NULL);
	t.r.redirect = "/events/7";
	t.r.flash = "saved";
	json_object_set_new(t.m, "id", json_integer(7));
	CHECK(rt_build(&t, HTTP_CREATED) == 303);
	CHECK(strncmp(buf_str(&t.out), "Status: 303 See Other\r\n", 23) == 0);
	CHECK_STR(rt_header(&t, "Location"), "/events/7");
	CHECK_STR(rt_set_cookie(&t, "agora_flash"),
	    "agora_flash=saved; Path=/; HttpOnly; SameSite=Lax");
	CHECK_STR(rt_header(&t, "Content-Length"), "0");
	CHECK_STR(rt_body(&t), "");
	CHECK(rt_header(&t, "Content-Type") == NULL);
	CHECK(rt_header(&t, "ETag") == NULL);
	rt_end(&t);

	rt_begin(&t, page, NULL);
	t.r.redirect = "/events";
	CHECK(rt_build(&t, HTTP_NO_CONTENT) == 303);
	CHECK_STR(rt_header(&t, "Location"), "/events");
	CHECK(rt_set_cookie(&t, "agora_flash") == NULL);
	rt_end(&t);

	rt_begin(&t, api, NULL);
	t.r.redirect = "/api/v1/events/7";
	json_object_set_new(t.m, "id", json_integer(7));
	CHECK(rt_build(&t, HTTP_CREATED) == 201);
	CHECK(strncmp(buf_str(&t.out), "Status: 201 Created\r\n", 21) == 0);
	CHECK_STR(rt_header(&t, "Location"), "/api/v1/events/7");
	CHECK_STR(rt_body(&t), "{\"id\":7}");
	CHECK(rt_header(&t, "ETag") == NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
