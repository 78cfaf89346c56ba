/*
 * cookie_parse splits "a=1; b=2" into pairs; cookie_get finds them.
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
	CHECK(cookie_parse(a, "sid=abc123; lang=es", &p, &n) == COOKIE_OK);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(p[0].key, "sid");
		CHECK(p[0].keylen == 3);
		CHECK_STR(p[0].val, "abc123");
		CHECK(p[0].vallen == 6);
		CHECK_STR(p[1].key, "lang");
		CHECK_STR(p[1].val, "es");
	}
	CHECK_STR(cookie_get(p, n, "sid"), "abc123");
	CHECK_STR(cookie_get(p, n, "lang"), "es");
	arena_free(a);
	return CHECK_DONE();
}
