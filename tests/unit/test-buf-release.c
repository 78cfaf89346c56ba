/*
 * buf_release() hands the string to the caller and leaves the buffer
 * empty and reusable; releasing an unused buffer gives an owned "".
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "mem.h"

int
main(void)
{
	struct buf	 b;
	char		*s, *t;

	buf_init(&b);
	buf_puts(&b, "hello");
	s = buf_release(&b);
	CHECK_STR(s, "hello");
	CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
	CHECK_STR(buf_str(&b), "");

	buf_puts(&b, "again");
	t = buf_release(&b);
	CHECK_STR(t, "again");
	CHECK(s != t);
	CHECK_STR(s, "hello");
	x_free(s);
	x_free(t);

	s = buf_release(&b);
	CHECK(s != NULL);
	CHECK_STR(s, "");
	x_free(s);
	buf_free(&b);
	return CHECK_DONE();
}
