/*
 * cookie_get returns NULL for an absent name and matches names case-
 * sensitively and whole.
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
	CHECK(cookie_parse(a, "Sid=1; sidx=2", &p, &n) == COOKIE_OK);
	CHECK(cookie_get(p, n, "sid") == NULL);
	CHECK(cookie_get(p, n, "Si") == NULL);
	CHECK(cookie_get(p, n, "") == NULL);
	CHECK_STR(cookie_get(p, n, "Sid"), "1");
	CHECK(cookie_get(NULL, 0, "sid") == NULL);
	arena_free(a);
	return CHECK_DONE();
}
