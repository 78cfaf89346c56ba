/*
 * A JSON value of another type than its field's validator reads is
 * refused with a message that names the type wanted, not read as text:
 * a number is no title, "yes" no boolean, "5" no count.  A validator of
 * a program's own takes a number or its text.  An object or an array is
 * "valid.wrong_type" for any field, even one without a validator.  (The
 * types that fit: test-req-validate-json-types.)
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

/* A program's own validator: anything. */
static bool
valid_any(const struct field *f, const char *v, size_t len,
    const char **reason)
{
	(void)f;
	(void)v;
	(void)len;
	(void)reason;
	return true;
}

enum { F_TITLE, F_FLAG, F_COUNT, F_ID, F_WHEN, F_LAT, F_TAGS, F_ANY,
    F__MAX };
static const struct field fields[F__MAX] = {
	{ "title", valid_line, 0, 0, NULL },		/* F_TITLE */
	{ "flag", valid_bool, 0, 0, NULL },		/* F_FLAG */
	{ "count", valid_int, 0, 0, NULL },		/* F_COUNT */
	{ "id", valid_id, 0, 0, NULL },			/* F_ID */
	{ "when", valid_datetime, 0, 0, NULL },		/* F_WHEN */
	{ "lat", valid_any, 0, 0, NULL },		/* F_LAT */
	{ "tags", valid_text, 0, 0, NULL },		/* F_TAGS */
	{ "any", NULL, 0, 0, NULL },			/* F_ANY */
};

int
main(void)
{
	static const char body[] = "{\"title\": 123, \"flag\": \"yes\", "
	    "\"count\": \"5\", \"id\": 1.5, \"when\": false, \"lat\": 40.25, "
	    "\"tags\": [\"a\", \"b\"], \"any\": {\"es\": \"Hola\"}}";
	struct arena	*a;
	struct req	 r;
	const char	*const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/events",
		"CONTENT_TYPE=application/json",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), body, sizeof(body) - 1, &lim) ==
	    HTTP_OK);
	req_validate(&r, fields, F__MAX);
	CHECK(r.has_invalid);
	CHECK_STR(r.invalid[F_TITLE], "valid.need_text");
	CHECK_STR(r.invalid[F_FLAG], "valid.need_boolean");
	CHECK_STR(r.invalid[F_COUNT], "valid.need_number");
	CHECK_STR(r.invalid[F_ID], "valid.need_number");
	CHECK_STR(r.invalid[F_WHEN], "valid.need_text");
	CHECK(r.values[F_TITLE] == NULL && r.values[F_FLAG] == NULL);
	CHECK(r.invalid[F_LAT] == NULL);
	CHECK_STR(req_value(&r, F_LAT), "40.25");
	CHECK_STR(r.invalid[F_TAGS], "valid.wrong_type");
	CHECK_STR(r.invalid[F_ANY], "valid.wrong_type");
	CHECK(req_value(&r, F_TAGS) == NULL && r.values[F_ANY] == NULL);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
