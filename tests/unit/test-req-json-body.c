/*
 * A JSON object body is parsed into r->json and its members feed the
 * declared fields; application/merge-patch+json is JSON too.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

enum { F_TITLE, F_CITY, F__MAX };
static const struct field fields[F__MAX] = {
	{ "title", valid_text, 1, 200, NULL },	/* F_TITLE */
	{ "city", valid_id, 0, 0, NULL },	/* F_CITY */
};

int
main(void)
{
	static const char body[] = "{\"title\": \"Banco de alimentos\", "
	    "\"city\": 12, \"extra\": [1, 2]}";
	static const char patch[] = "{\"title\": \"Nuevo\"}";
	struct arena	*a;
	struct req	 r;
	const char	*const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/events",
		"DOCUMENT_URI=/api/v1/events",
		"CONTENT_TYPE=application/json",
		NULL
	};
	const char	*const penv[] = {
		"REQUEST_METHOD=PATCH",
		"REQUEST_URI=/api/v1/events/1",
		"DOCUMENT_URI=/api/v1/events/1",
		"CONTENT_TYPE=application/merge-patch+json",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), body, sizeof(body) - 1, &lim) ==
	    HTTP_OK);
	CHECK(r.api);
	CHECK(json_is_object(r.json));
	CHECK(r.npairs == 0);
	req_validate(&r, fields, F__MAX);
	CHECK(!r.has_invalid);
	CHECK_STR(req_value(&r, F_TITLE), "Banco de alimentos");
	CHECK_STR(req_value(&r, F_CITY), "12");
	req_done(&r);
	CHECK(r.json == NULL);

	CHECK(req_parse(&r, a, envp(a, penv), patch, sizeof(patch) - 1, &lim) ==
	    HTTP_OK);
	CHECK(r.method == M_PATCH);
	req_validate(&r, fields, F__MAX);
	CHECK_STR(req_value(&r, F_TITLE), "Nuevo");
	CHECK(req_value(&r, F_CITY) == NULL);
	CHECK(!r.has_invalid);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
