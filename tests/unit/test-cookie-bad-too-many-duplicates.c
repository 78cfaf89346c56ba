/*
 * Fifty-one cookies of one name are too many, like any others.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "cookie.h"
#include "check.h"

#include "buf.h"

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;
	struct buf		 b;
	int			 i;

	a = arena_new();
	buf_init(&b);
	for (i = 0; i <= COOKIE_MAX_PAIRS; i++)
		buf_puts(&b, "sid=x;");
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_TOO_MANY);
	CHECK(p == NULL && n == 0);
	CHECK(cookie_get(p, n, "sid") == NULL);
	buf_free(&b);
	arena_free(a);
	return CHECK_DONE();
}
