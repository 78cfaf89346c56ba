/*
 * What the handler put in the model rides along in a problem document as
 * extension members, but never overrides type, title, status, detail or
 * instance.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/events/3/join",
		"DOCUMENT_URI=/api/v1/events/3/join",
		NULL
	};
	struct rt	 t;
	json_t		*doc;
	json_error_t	 err;

	rt_init();
	rt_begin(&t, env, NULL);
	json_object_set_new(t.m, "type", json_string("https://evil.example/x"));
	json_object_set_new(t.m, "title", json_string("Owned"));
	json_object_set_new(t.m, "status", json_integer(200));
	json_object_set_new(t.m, "detail", json_string("forged"));
	json_object_set_new(t.m, "instance", json_string("/elsewhere"));
	json_object_set_new(t.m, "seats_left", json_integer(0));
	json_object_set_new(t.m, "event_id", json_integer(3));
	CHECK(rt_build(&t, HTTP_CONFLICT) == 409);
	CHECK(strncmp(buf_str(&t.out), "Status: 409 Conflict\r\n", 22) == 0);
	doc = json_loads(rt_body(&t), JSON_REJECT_DUPLICATES, &err);
	CHECK(json_is_object(doc));
	CHECK_STR(json_string_value(json_object_get(doc, "type")), "about:blank");
	CHECK_STR(json_string_value(json_object_get(doc, "title")), "Conflicto");
	CHECK(json_integer_value(json_object_get(doc, "status")) == 409);
	CHECK_STR(json_string_value(json_object_get(doc, "detail")), "Ya existe.");
	CHECK_STR(json_string_value(json_object_get(doc, "instance")),
	    "/api/v1/events/3/join");
	CHECK(json_integer_value(json_object_get(doc, "seats_left")) == 0 &&
	    json_is_integer(json_object_get(doc, "seats_left")));
	CHECK(json_integer_value(json_object_get(doc, "event_id")) == 3);
	CHECK(strstr(rt_body(&t), "Owned") == NULL);
	CHECK(strstr(rt_body(&t), "forged") == NULL);
	json_decref(doc);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
