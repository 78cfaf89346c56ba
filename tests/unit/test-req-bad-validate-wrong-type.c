/*
 * A declared field given a JSON object or array is invalid with
 * "valid.wrong_type", even when its validator would take anything; its
 * value is NULL.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

enum { F_TITLE, F_TAGS, F_ANY, F__MAX };
static const struct field fields[F__MAX] = {
	{ "title", valid_text, 0, 0, NULL },	/* F_TITLE */
	{ "tags", valid_text, 0, 0, NULL },	/* F_TAGS */
	{ "any", NULL, 0, 0, NULL },		/* F_ANY */
};

int
main(void)
{
	static const char body[] = "{\"title\": {\"es\": \"Hola\"}, "
	    "\"tags\": [\"a\", \"b\"], \"any\": []}";
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
	CHECK_STR(r.invalid[F_TITLE], "valid.wrong_type");
	CHECK_STR(r.invalid[F_TAGS], "valid.wrong_type");
	CHECK_STR(r.invalid[F_ANY], "valid.wrong_type");
	CHECK(r.values[F_TITLE] == NULL);
	CHECK(req_value(&r, F_TAGS) == NULL);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
