/*
 * Exactly 50 cookies and a header of exactly 8192 bytes are accepted.
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
		buf_printf(&b, "c%d=%d; ", i, i);
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_OK);
	CHECK(n == COOKIE_MAX_PAIRS);
	CHECK_STR(cookie_get(p, n, "c49"), "49");

	buf_reset(&b);
	buf_puts(&b, "big=");
	while (b.len < COOKIE_MAX_HEADER)
		buf_putc(&b, 'x');
	CHECK(cookie_parse(a, b.data, &p, &n) == COOKIE_OK);
	CHECK(n == 1);
	if (n == 1)
		CHECK(p[0].vallen == COOKIE_MAX_HEADER - 4);
	buf_free(&b);
	arena_free(a);
	return CHECK_DONE();
}
