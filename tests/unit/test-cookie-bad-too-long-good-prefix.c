/*
 * A header one byte too long is refused whole, even when its start is well
 * formed.
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

	a = arena_new();
	buf_init(&b);
	buf_puts(&b, "sid=abc; lang=es; ");
	while (b.len < COOKIE_MAX_HEADER)
		buf_putc(&b, ' ');
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_OK);
	CHECK_STR(cookie_get(p, n, "sid"), "abc");
	buf_putc(&b, ' ');
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_TOO_LONG);
	CHECK(p == NULL && n == 0);
	buf_free(&b);
	arena_free(a);
	return CHECK_DONE();
}
