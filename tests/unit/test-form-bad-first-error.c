/*
 * Pairs are checked left to right and the first failure wins.
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
	struct form_limits	 lim = { 2, 4, 4 };

	a = arena_new();
	CHECK(st(a, "a=%zz&b=%C0%AF", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%C0%AF&b=%zz", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "abcdefgh=%zz", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=%zz&b=1&c=1", &lim) == FORM_BAD_ENCODING);
	CHECK(st(a, "k=1&b=1&c=%zz", &lim) == FORM_TOO_MANY);
	arena_free(a);
	return CHECK_DONE();
}
