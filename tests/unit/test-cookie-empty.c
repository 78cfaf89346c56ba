/*
 * A NULL, empty, blank or separators-only header has no cookies.
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
	CHECK(cookie_parse(a, NULL, &p, &n) == COOKIE_OK);
	CHECK(p == NULL && n == 0);
	CHECK(cookie_parse(a, "", &p, &n) == COOKIE_OK);
	CHECK(p == NULL && n == 0);
	CHECK(cookie_parse(a, "   \t ", &p, &n) == COOKIE_OK);
	CHECK(n == 0);
	CHECK(cookie_parse(a, ";;; ; ;", &p, &n) == COOKIE_OK);
	CHECK(p == NULL && n == 0);
	arena_free(a);
	return CHECK_DONE();
}
