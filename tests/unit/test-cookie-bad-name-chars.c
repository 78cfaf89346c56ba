/*
 * A name with a character outside the token set is skipped.
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
	CHECK(cookie_parse(a, "a b=1; c,d=2; (x)=3; \xc3\xa9=4; e\"f=5; "
	    "g/h=6; i@j=7; [k]=8; ok=9", &p, &n) == COOKIE_OK);
	CHECK(n == 1);
	CHECK_STR(cookie_get(p, n, "ok"), "9");
	arena_free(a);
	return CHECK_DONE();
}
