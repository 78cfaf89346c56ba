/*
 * Duplicate names are all kept in order; cookie_get returns the first.
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
	CHECK(cookie_parse(a, "sid=new; x=1; sid=old", &p, &n) == COOKIE_OK);
	CHECK(n == 3);
	CHECK_STR(cookie_get(p, n, "sid"), "new");
	if (n == 3)
		CHECK_STR(p[2].val, "old");
	arena_free(a);
	return CHECK_DONE();
}
