/*
 * Pairs separated by ';' without a space parse the same.
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
	CHECK(cookie_parse(a, "a=1;b=2;c=3", &p, &n) == COOKIE_OK);
	CHECK(n == 3);
	CHECK_STR(cookie_get(p, n, "a"), "1");
	CHECK_STR(cookie_get(p, n, "b"), "2");
	CHECK_STR(cookie_get(p, n, "c"), "3");
	arena_free(a);
	return CHECK_DONE();
}
