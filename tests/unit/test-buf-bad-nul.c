/*
 * NUL bytes written into a buffer are kept and counted in len; buf_str()
 * then reads as the text before the first one.
 */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	struct buf	 b;

	buf_init(&b);
	buf_putc(&b, '\0');
	CHECK(b.len == 1);
	CHECK_STR(buf_str(&b), "");
	buf_append(&b, "ok\0ok", 5);
	CHECK(b.len == 6);
	CHECK(memcmp(b.data, "\0ok\0ok\0", 7) == 0);
	buf_free(&b);
	return CHECK_DONE();
}
