/*
 * A ';' inside quotes still separates: the halves are kept or dropped on
 * their own merits.
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
	CHECK(cookie_parse(a, "a=\"x;y\"; b=\"u; v=w\"", &p, &n) == COOKIE_OK);
	CHECK(n == 3);
	CHECK_STR(cookie_get(p, n, "a"), "\"x");
	CHECK_STR(cookie_get(p, n, "b"), "\"u");
	CHECK_STR(cookie_get(p, n, "v"), "w\"");
	arena_free(a);
	return CHECK_DONE();
}
