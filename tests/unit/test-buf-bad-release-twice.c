/*
 * Releasing a buffer that was just released (or freed) gives a fresh
 * owned "", never the same pointer twice.
 */
#include <stddef.h>

#include "buf.h"
#include "check.h"
#include "mem.h"

int
main(void)
{
	struct buf	 b;
	char		*s, *t, *u;

	buf_init(&b);
	buf_puts(&b, "once");
	s = buf_release(&b);
	t = buf_release(&b);
	CHECK(s != t);
	CHECK_STR(s, "once");
	CHECK_STR(t, "");
	buf_puts(&b, "x");
	buf_free(&b);
	u = buf_release(&b);
	CHECK_STR(u, "");
	CHECK(u != t);
	x_free(s);
	x_free(t);
	x_free(u);
	return CHECK_DONE();
}
