/*
 * Segments made only of '=' and blanks are skipped.
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
	CHECK(cookie_parse(a, "=; ==; = = ;\t=\t; ok=1", &p, &n) == COOKIE_OK);
	CHECK(n == 1);
	CHECK_STR(cookie_get(p, n, "ok"), "1");
	arena_free(a);
	return CHECK_DONE();
}
