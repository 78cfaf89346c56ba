/*
 * A 404 under /api/v1 is an RFC 9457 problem document: type, title,
 * status, detail and instance, in the request's language.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/api/v1/events/999?lang=en",
		"DOCUMENT_URI=/api/v1/events/999",
		"QUERY_STRING=lang=en",
		NULL
	};
	struct rt	 t;
	json_t		*doc;
	json_error_t	 err;

	rt_init();
	rt_begin(&t, env, NULL);
	CHECK(rt_build(&t, HTTP_NOT_FOUND) == 404);
	CHECK(strncmp(buf_str(&t.out), "Status: 404 Not Found\r\n", 23) == 0);
	CHECK_STR(rt_header(&t, "Content-Type"), "application/problem+json");
	CHECK(rt_header(&t, "ETag") == NULL);
	CHECK(rt_length_ok(&t));
	doc = json_loads(rt_body(&t), 0, &err);
	CHECK(json_is_object(doc));
	CHECK_STR(json_string_value(json_object_get(doc, "type")), "about:blank");
	CHECK_STR(json_string_value(json_object_get(doc, "title")), "Page not found");
	CHECK(json_integer_value(json_object_get(doc, "status")) == 404);
	CHECK_STR(json_string_value(json_object_get(doc, "detail")),
	    "There is nothing at this address.");
	CHECK_STR(json_string_value(json_object_get(doc, "instance")),
	    "/api/v1/events/999");
	CHECK(json_object_get(doc, "errors") == NULL);
	json_decref(doc);

	/* A handler's detail key replaces the generic one. */
	t.r.detail = "custom.detail";
	CHECK(rt_build(&t, HTTP_NOT_FOUND) == 404);
	doc = json_loads(rt_body(&t), 0, &err);
	CHECK_STR(json_string_value(json_object_get(doc, "detail")),
	    "The program's own detail.");
	json_decref(doc);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
