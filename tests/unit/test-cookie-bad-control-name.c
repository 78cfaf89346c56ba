/*
 * A name holding a control character or DEL is skipped.
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
	CHECK(cookie_parse(a, "a\x01b=1; c\x7f=2; \x1b=3; ok=4",
	    &p, &n) == COOKIE_OK);
	CHECK(n == 1);
	CHECK_STR(cookie_get(p, n, "ok"), "4");
	arena_free(a);
	return CHECK_DONE();
}
