/*
 * buf_putc() stores the low byte of its argument, including bytes above
 * 0x7f given as unsigned char values.
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
	buf_putc(&b, 'A');
	buf_putc(&b, 0xc3);
	buf_putc(&b, 0x81);
	buf_putc(&b, 'z');
	CHECK(b.len == 4);
	CHECK(memcmp(b.data, "A\xc3\x81z", 5) == 0);
	CHECK_STR(buf_str(&b), "A\xc3\x81z");
	buf_free(&b);
	return CHECK_DONE();
}
