/*
 * Under /api/v1 a 200 is the handler's model as compact JSON with the
 * headers every response carries and a Content-Length that fits.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/api/v1/events/7",
		"DOCUMENT_URI=/api/v1/events/7",
		NULL
	};
	struct rt	 t;

	rt_init();
	rt_begin(&t, env, NULL);
	CHECK(t.parsed == HTTP_OK);
	CHECK(t.r.api);
	json_object_set_new(t.m, "id", json_integer(7));
	json_object_set_new(t.m, "name", json_string("Carrera <solidaria>"));
	json_object_set_new(t.m, "price", json_real(1.5));
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(strncmp(buf_str(&t.out), "Status: 200 OK\r\n", 16) == 0);
	CHECK_STR(rt_header(&t, "Content-Type"), "application/json");
	CHECK_STR(rt_body(&t),
	    "{\"id\":7,\"name\":\"Carrera <solidaria>\",\"price\":1.5}");
	CHECK(rt_length_ok(&t));
	CHECK_STR(rt_header(&t, "Content-Language"), "es");
	CHECK_STR(rt_header(&t, "Vary"), "Accept-Language, Cookie, Authorization");
	CHECK_STR(rt_header(&t, "Cache-Control"), "private, no-cache");
	CHECK(rt_header(&t, "ETag") != NULL);
	CHECK(rt_header(&t, "Location") == NULL);
	CHECK(rt_header(&t, "Retry-After") == NULL);
	CHECK(rt_header(&t, "Allow") == NULL);
	/* The API never gets the page decorations or a CSRF cookie. */
	CHECK(strstr(rt_body(&t), "\"langs\"") == NULL);
	CHECK(rt_header(&t, "Set-Cookie") == NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
