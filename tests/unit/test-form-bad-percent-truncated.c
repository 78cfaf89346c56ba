/*
 * A '%' with one hex digit is bad encoding.
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
	CHECK(st(a, "a=%4", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "%4=1", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=1&b=%4", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%4&b=1", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=x%A", NULL) == FORM_BAD_ENCODING);
	arena_free(a);
	return CHECK_DONE();
}
