/*
 * A 422 under /api/v1 is a problem document whose "errors" member maps
 * each invalid field to its message; field values, passwords above all,
 * are never echoed.
 */
#include <string.h>

#include "fake-resp.h"

static const struct field fields[] = {
	{ "email", valid_email, 0, 0, NULL },
	{ "password", valid_text, 8, 128, NULL },
};

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/register?lang=en",
		"DOCUMENT_URI=/api/v1/register",
		"QUERY_STRING=lang=en",
		"CONTENT_TYPE=application/json",
		NULL
	};
	struct rt	 t;
	json_t		*doc, *errs;
	json_error_t	 err;

	rt_init();
	rt_begin(&t, env, "{\"email\":\"nope\",\"password\":\"abc1234\"}");
	CHECK(t.parsed == HTTP_OK);
	req_validate(&t.r, fields, 2);
	t.r.tpl = "form";	/* ignored: the API never renders a form */
	CHECK(rt_build(&t, HTTP_UNPROCESSABLE) == 422);
	CHECK_STR(rt_header(&t, "Content-Type"), "application/problem+json");
	doc = json_loads(rt_body(&t), 0, &err);
	CHECK(json_is_object(doc));
	CHECK(json_integer_value(json_object_get(doc, "status")) == 422);
	CHECK_STR(json_string_value(json_object_get(doc, "title")), "Check the form");
	errs = json_object_get(doc, "errors");
	CHECK(json_is_object(errs) && json_object_size(errs) == 2);
	CHECK_STR(json_string_value(json_object_get(errs, "email")),
	    "Not an e-mail address.");
	CHECK_STR(json_string_value(json_object_get(errs, "password")),
	    "Write at least 8 characters.");
	CHECK(strstr(rt_body(&t), "abc1234") == NULL);
	CHECK(strstr(rt_body(&t), "nope") == NULL);
	json_decref(doc);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
