/*
 * A pair with an empty name is skipped.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "cookie.h"
#include "check.h"

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;

	a = arena_new();
	CHECK(cookie_parse(a, "=1; b=2;  = 3; =; c=4",
	    &p, &n) == COOKIE_OK);
	CHECK(n == 2);
	CHECK_STR(cookie_get(p, n, "b"), "2");
	CHECK_STR(cookie_get(p, n, "c"), "4");
	arena_free(a);
	return CHECK_DONE();
}
