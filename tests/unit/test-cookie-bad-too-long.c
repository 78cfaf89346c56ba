/*
 * A header longer than 8192 bytes is COOKIE_TOO_LONG, however it is made.
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
	buf_puts(&b, "big=");
	while (b.len < COOKIE_MAX_HEADER + 1)
		buf_putc(&b, 'x');
	p = (struct form_pair *)1;
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_TOO_LONG);
	CHECK(p == NULL && n == 0);
	buf_reset(&b);
	while (b.len < 100000)
		buf_putc(&b, ';');
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_TOO_LONG);
	buf_free(&b);
	arena_free(a);
	return CHECK_DONE();
}
