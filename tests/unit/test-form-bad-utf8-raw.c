/*
 * Raw (unencoded) invalid UTF-8 bytes are rejected too.
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
	CHECK(st(a, "a=\xff", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=\xc3", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=\xed\xa0\x80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=\xc0\xaf", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
