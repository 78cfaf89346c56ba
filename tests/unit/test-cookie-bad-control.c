/*
 * A value holding a control character is skipped.
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
	CHECK(cookie_parse(a, "a=1\x01x; b=2; c=\x7f; d=x\ty; e=\"\x1b\"; f=6",
	    &p, &n) == COOKIE_OK);
	CHECK(n == 2);
	CHECK_STR(cookie_get(p, n, "b"), "2");
	CHECK_STR(cookie_get(p, n, "f"), "6");
	arena_free(a);
	return CHECK_DONE();
}
