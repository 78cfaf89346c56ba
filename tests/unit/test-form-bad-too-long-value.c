/*
 * A decoded value longer than max_value is FORM_TOO_LONG.
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
	struct form_limits	 lim = { 0, 0, 4 };

	a = arena_new();
	CHECK(st(a, "k=abcde", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=1&j=abcdef", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=%41%41%41%41%41", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=a++++", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=%C3%A9%C3%A9%C3%A9", &lim) == FORM_TOO_LONG);
	arena_free(a);
	return CHECK_DONE();
}
