/*
 * An old RFC 2965 comma list is not split: the first name takes the rest
 * as its value.
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
	CHECK(cookie_parse(a, "a=1, b=2, $Path=/", &p, &n) == COOKIE_OK);
	CHECK(n == 1);
	CHECK_STR(cookie_get(p, n, "a"), "1, b=2, $Path=/");
	arena_free(a);
	return CHECK_DONE();
}
