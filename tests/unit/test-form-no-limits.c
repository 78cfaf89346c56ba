/*
 * A limit of 0 means no limit.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

#include "buf.h"

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;
	struct form_limits	 lim = { 0, 0, 0 };
	struct buf		 b;
	int			 i;

	buf_init(&b);
	for (i = 0; i < 1000; i++)
		buf_printf(&b, "k%d=v&", i);
	for (i = 0; i < 100000; i++)
		buf_putc(&b, 'x');
	a = arena_new();
	CHECK(form_parse(a, b.data, b.len, &lim, &p, &n) == FORM_OK);
	CHECK(n == 1001);
	if (n == 1001)
		CHECK(p[1000].keylen == 100000);
	arena_free(a);
	buf_free(&b);
	return CHECK_DONE();
}
