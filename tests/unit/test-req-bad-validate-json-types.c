/*
 * A JSON value of another type than its field's validator reads is
 * refused with a message that names the type wanted, not read as text:
 * a number is no title, "yes" no boolean, "5" no count.  A validator of
 * a program's own takes a number or its text; null is absent.
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

enum { F_TITLE, F_FLAG, F_COUNT, F_ID, F_WHEN, F_LAT, F_NOTE, F_OK_N,
    F_OK_B, F_OK_S, F__MAX };
static const struct field fields[F__MAX] = {
	{ "title", valid_line, 0, 0, NULL },		/* F_TITLE */
	{ "flag", valid_bool, 0, 0, NULL },		/* F_FLAG */
	{ "count", valid_int, 0, 0, NULL },		/* F_COUNT */
	{ "id", valid_id, 0, 0, NULL },			/* F_ID */
	{ "when", valid_datetime, 0, 0, NULL },		/* F_WHEN */
	{ "lat", valid_any, 0, 0, NULL },		/* F_LAT */
	{ "note", valid_text, 0, 0, NULL },		/* F_NOTE */
	{ "n", valid_uint, 0, 0, NULL },		/* F_OK_N */
	{ "b", valid_bool, 0, 0, NULL },		/* F_OK_B */
	{ "s", valid_line, 0, 0, NULL },		/* F_OK_S */
};

int
main(void)
{
	static const char body[] = "{\"title\": 123, \"flag\": \"yes\", "
	    "\"count\": \"5\", \"id\": 1.5, \"when\": false, \"lat\": 40.25, "
	    "\"note\": null, \"n\": 7, \"b\": true, \"s\": \"Hola\"}";
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
	CHECK(r.invalid[F_NOTE] == NULL && r.values[F_NOTE] == NULL);
	CHECK_STR(req_value(&r, F_OK_N), "7");
	CHECK(req_bool(&r, F_OK_B, false));
	CHECK_STR(req_value(&r, F_OK_S), "Hola");
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
