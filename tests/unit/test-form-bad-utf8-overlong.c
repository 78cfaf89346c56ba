/*
 * Overlong UTF-8 forms are rejected.
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

	a = arena_new();
	CHECK(st(a, "a=%C0%AF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%C1%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%E0%80%AF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%E0%9F%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%F0%80%80%AF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%F0%8F%BF%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%C0%80", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
