/*
 * req_require() marks each listed field that is absent or empty
 * "valid.required", keeps an earlier reason, and is true only when all
 * listed fields are there and valid.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

enum { F_TITLE, F_CITY, F_NOTE, F_SEATS, F__MAX };
static const struct field fields[F__MAX] = {
	{ "title", valid_text, 1, 50, NULL },	/* F_TITLE */
	{ "city", valid_id, 0, 0, NULL },	/* F_CITY */
	{ "note", NULL, 0, 0, NULL },		/* F_NOTE */
	{ "seats", valid_int, 1, 10, NULL },	/* F_SEATS */
};

int
main(void)
{
	struct arena	*a;
	struct req	 r;
	const char	*const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/x",
		"QUERY_STRING=title=Hola&note=&seats=99",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	req_validate(&r, fields, F__MAX);
	CHECK(req_require(&r, F_TITLE, -1) == true);
	CHECK(r.invalid[F_TITLE] == NULL);
	CHECK(req_require(&r, F_TITLE, F_CITY, F_NOTE, F_SEATS, -1) == false);
	CHECK_STR(r.invalid[F_CITY], "valid.required");
	CHECK_STR(r.invalid[F_NOTE], "valid.required");
	CHECK_STR(r.invalid[F_SEATS], "valid.out_of_range");
	CHECK(r.invalid[F_TITLE] == NULL);
	CHECK(r.has_invalid);
	/* An index past the table is ignored. */
	CHECK(req_require(&r, F_TITLE, 99, -1) == true);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
