/*
 * Values are not percent- or plus-decoded.
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
	CHECK(cookie_parse(a, "a=%41+b%zz; %41=1", &p, &n) == COOKIE_OK);
	CHECK(n == 2);
	CHECK_STR(cookie_get(p, n, "a"), "%41+b%zz");
	CHECK_STR(cookie_get(p, n, "%41"), "1");
	CHECK(cookie_get(p, n, "A") == NULL);
	arena_free(a);
	return CHECK_DONE();
}
