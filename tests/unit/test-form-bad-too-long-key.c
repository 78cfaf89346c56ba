/*
 * A decoded key longer than max_key is FORM_TOO_LONG.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

static enum form_status
st(struct arena *a, const char *s, const struct form_limits *lim)
{
	struct form_pair	*p = (struct form_pair *)1;
	size_t			 n = 99;
	enum form_status	 r;

	r = form_parse(a, s, strlen(s), lim, &p, &n);
	if (r != FORM_OK)
		CHECK(p == NULL && n == 0);	/* nothing half-parsed */
	return r;
}

int
main(void)
{
	struct arena		*a;
	struct form_limits	 lim = { 0, 4, 0 };

	a = arena_new();
	CHECK(st(a, "abcde=1", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "abcde", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "a=1&bcdef=2", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "%41%41%41%41%41=1", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "a+b+c=1", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "%C3%A9%C3%A9%C3%A9=1", &lim) == FORM_TOO_LONG);
	arena_free(a);
	return CHECK_DONE();
}
