/*
 * More than 50 well-formed cookies is COOKIE_TOO_MANY; malformed pairs do
 * not count.
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
	for (i = 0; i < COOKIE_MAX_PAIRS; i++)
		buf_printf(&b, "c%d=%d; junk; =x; ", i, i);
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_OK);
	CHECK(n == COOKIE_MAX_PAIRS);
	buf_puts(&b, "one=more");
	p = (struct form_pair *)1;
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_TOO_MANY);
	CHECK(p == NULL && n == 0);
	buf_free(&b);
	arena_free(a);
	return CHECK_DONE();
}
