/*
 * A key that is not UTF-8 is rejected like a value.
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
	CHECK(st(a, "%C0%AF=1", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "%FF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "ok=1&%ED%A0%80=2", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "\x80=1", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
