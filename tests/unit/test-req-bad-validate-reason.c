/*
 * Invalid values keep the validator's reason, from a form body and from
 * JSON alike (a JSON number is checked as text).
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

enum { F_EMAIL, F_SEATS, F_WHEN, F_TITLE, F__MAX };
static const struct field fields[F__MAX] = {
	{ "email", valid_email, 0, 0, NULL },	/* F_EMAIL */
	{ "seats", valid_int, 1, 100, NULL },	/* F_SEATS */
	{ "when", valid_date, 0, 0, NULL },	/* F_WHEN */
	{ "title", valid_line, 1, 5, NULL },	/* F_TITLE */
};

int
main(void)
{
	static const char form[] = "email=nobody&seats=abc&when=2024-02-30"
	    "&title=L%C3%ADnea%0Ados";
	static const char json[] = "{\"email\": \"a@b\", \"seats\": 101, "
	    "\"title\": \"demasiado largo\"}";
	struct arena	*a;
	struct req	 r;
	const char	*const fenv[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/events",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		NULL
	};
	const char	*const jenv[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/events",
		"CONTENT_TYPE=application/json",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, fenv), form, sizeof(form) - 1, &lim) ==
	    HTTP_OK);
	req_validate(&r, fields, F__MAX);
	CHECK_STR(r.invalid[F_EMAIL], "valid.bad_email");
	CHECK_STR(r.invalid[F_SEATS], "valid.not_integer");
	CHECK_STR(r.invalid[F_WHEN], "valid.bad_date");
	CHECK_STR(r.invalid[F_TITLE], "valid.control_chars");
	CHECK_STR(r.values[F_SEATS], "abc");
	req_done(&r);

	CHECK(req_parse(&r, a, envp(a, jenv), json, sizeof(json) - 1, &lim) ==
	    HTTP_OK);
	req_validate(&r, fields, F__MAX);
	CHECK_STR(r.invalid[F_EMAIL], "valid.bad_email");
	CHECK_STR(r.invalid[F_SEATS], "valid.out_of_range");
	CHECK(r.invalid[F_WHEN] == NULL && r.values[F_WHEN] == NULL);
	CHECK_STR(r.invalid[F_TITLE], "valid.too_long");
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
