/*
 * "a=" is a cookie with an empty value.
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
	CHECK(cookie_parse(a, "a=; b= ", &p, &n) == COOKIE_OK);
	CHECK(n == 2);
	CHECK_STR(cookie_get(p, n, "a"), "");
	CHECK_STR(cookie_get(p, n, "b"), "");
	arena_free(a);
	return CHECK_DONE();
}
