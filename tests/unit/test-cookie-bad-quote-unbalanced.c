/*
 * Unbalanced or inner quotes are not stripped; only one outer pair is.
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
	CHECK(cookie_parse(a, "a=\"; b=\"x; c=x\"; d=\"\"\"\"; e=\"\"",
	    &p, &n) == COOKIE_OK);
	CHECK(n == 5);
	CHECK_STR(cookie_get(p, n, "a"), "\"");
	CHECK_STR(cookie_get(p, n, "b"), "\"x");
	CHECK_STR(cookie_get(p, n, "c"), "x\"");
	CHECK_STR(cookie_get(p, n, "d"), "\"\"");
	CHECK_STR(cookie_get(p, n, "e"), "");
	arena_free(a);
	return CHECK_DONE();
}
