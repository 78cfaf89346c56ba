/*
 * A double-quoted value loses its quotes; a lone quote is kept.
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
	CHECK(cookie_parse(a, "q=\"abc\"; e=\"\"; l=\"x; r=y\"; m=\"a\"b\"; "
	    "s= \"sp\" ", &p, &n) == COOKIE_OK);
	CHECK(n == 6);
	CHECK_STR(cookie_get(p, n, "q"), "abc");
	CHECK_STR(cookie_get(p, n, "e"), "");
	CHECK_STR(cookie_get(p, n, "l"), "\"x");
	CHECK_STR(cookie_get(p, n, "r"), "y\"");
	CHECK_STR(cookie_get(p, n, "m"), "a\"b");
	CHECK_STR(cookie_get(p, n, "s"), "sp");
	if (n == 6)
		CHECK(p[0].vallen == 3 && p[1].vallen == 0);
	arena_free(a);
	return CHECK_DONE();
}
