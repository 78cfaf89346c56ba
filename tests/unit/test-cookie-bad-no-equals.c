/*
 * A pair with no '=' is skipped; the others survive.
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
	CHECK(cookie_parse(a, "junk; b=2; more junk ;c=3",
	    &p, &n) == COOKIE_OK);
	CHECK(n == 2);
	CHECK_STR(cookie_get(p, n, "b"), "2");
	CHECK_STR(cookie_get(p, n, "c"), "3");
	arena_free(a);
	return CHECK_DONE();
}
