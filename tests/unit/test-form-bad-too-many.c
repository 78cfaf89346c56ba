/*
 * More than max_fields non-empty pairs is FORM_TOO_MANY.
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
	struct form_limits	 lim = { 3, 0, 0 };

	a = arena_new();
	CHECK(st(a, "a=1&b=2&c=3&d=4", &lim) == FORM_TOO_MANY);
	CHECK(st(a, "a&b&c&d", &lim) == FORM_TOO_MANY);
	CHECK(st(a, "a=1&b=2&c=3&d", &lim) == FORM_TOO_MANY);
	CHECK(st(a, "&a&&b&&c&&d&&", &lim) == FORM_TOO_MANY);
	arena_free(a);
	return CHECK_DONE();
}
