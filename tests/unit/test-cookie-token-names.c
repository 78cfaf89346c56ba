/*
 * Names may use every RFC 9110 token character; values may hold UTF-8 and
 * punctuation.
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
	CHECK(cookie_parse(a, "!#$%&'*+-.^_`|~Az09=1; "
	    "__Host-sid=x; v=\xc3\xb1,(\\)/", &p, &n) == COOKIE_OK);
	CHECK(n == 3);
	CHECK_STR(cookie_get(p, n, "!#$%&'*+-.^_`|~Az09"), "1");
	CHECK_STR(cookie_get(p, n, "__Host-sid"), "x");
	CHECK_STR(cookie_get(p, n, "v"), "\xc3\xb1,(\\)/");
	arena_free(a);
	return CHECK_DONE();
}
