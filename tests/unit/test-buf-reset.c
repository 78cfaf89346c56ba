/*
 * buf_reset() empties the buffer but keeps its memory; buf_str() of a
 * new or reset buffer is "".
 */
#include <stddef.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	struct buf	 b;
	char		*data;
	size_t		 cap;

	buf_init(&b);
	CHECK_STR(buf_str(&b), "");
	buf_reset(&b);			/* nothing allocated yet */
	CHECK(b.data == NULL);
	CHECK_STR(buf_str(&b), "");

	buf_puts(&b, "some text that is kept for a while");
	data = b.data;
	cap = b.cap;
	buf_reset(&b);
	CHECK(b.len == 0);
	CHECK(b.data == data && b.cap == cap);
	CHECK_STR(buf_str(&b), "");
	buf_puts(&b, "new");
	CHECK_STR(buf_str(&b), "new");
	CHECK(b.data == data);
	buf_free(&b);
	return CHECK_DONE();
}
