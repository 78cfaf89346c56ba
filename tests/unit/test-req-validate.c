/*
 * req_validate() keeps each declared field's value, marks an invalid
 * one with its reason (and req_value() then gives NULL), leaves absent
 * fields NULL and ignores undeclared ones.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

static bool
no_reason(const struct field *f, const char *v, size_t len,
    const char **reason)
{
	(void)f;
	(void)v;
	(void)len;
	(void)reason;
	return false;
}

enum { F_TITLE, F_SEATS, F_PUBLIC, F_NOTE, F_ODD, F_FREE, F__MAX };
static const struct field fields[F__MAX] = {
	{ "title", valid_text, 3, 20, NULL },	/* F_TITLE */
	{ "seats", valid_int, 1, 500, NULL },	/* F_SEATS */
	{ "public", valid_bool, 0, 0, NULL },	/* F_PUBLIC */
	{ "note", valid_text, 0, 10, NULL },	/* F_NOTE */
	{ "odd", no_reason, 0, 0, NULL },	/* F_ODD */
	{ "free", NULL, 0, 0, NULL },		/* F_FREE */
};

int
main(void)
{
	struct arena	*a;
	struct req	 r;
	long long	 n;
	const char	*const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/x",
		"QUERY_STRING=title=ab&seats=25&public=on&odd=1&free=any"
		    "&other=zzz",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	req_validate(&r, fields, F__MAX);
	CHECK(r.fields == fields && r.nfields == F__MAX);
	CHECK(r.has_invalid);
	CHECK_STR(r.invalid[F_TITLE], "valid.too_short");
	CHECK_STR(r.values[F_TITLE], "ab");
	CHECK(req_value(&r, F_TITLE) == NULL);
	CHECK(r.invalid[F_SEATS] == NULL);
	CHECK_STR(req_value(&r, F_SEATS), "25");
	CHECK(req_int(&r, F_SEATS, &n) && n == 25);
	CHECK(req_bool(&r, F_PUBLIC, false) == true);
	CHECK(r.values[F_NOTE] == NULL && r.invalid[F_NOTE] == NULL);
	CHECK(req_bool(&r, F_NOTE, true) == true);
	CHECK_STR(r.invalid[F_ODD], "valid.bad_value");
	CHECK_STR(req_value(&r, F_FREE), "any");
	CHECK(req_value(&r, F__MAX) == NULL);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
