/*
 * buf_append() and buf_puts() grow the buffer past its first 256 bytes and
 * keep it NUL-terminated; embedded NUL bytes are counted in len.
 */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	struct buf	 b;
	size_t		 i, bad = 0;

	buf_init(&b);
	CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
	for (i = 0; i < 1000; i++)
		buf_append(&b, "0123456789", 10);
	CHECK(b.len == 10000);
	CHECK(b.cap > b.len);
	CHECK(b.data[b.len] == '\0');
	CHECK(strlen(buf_str(&b)) == 10000);
	for (i = 0; i < b.len; i++)
		if (b.data[i] != (char)('0' + i % 10))
			bad++;
	CHECK(bad == 0);
	buf_free(&b);
	CHECK(b.data == NULL && b.len == 0 && b.cap == 0);

	buf_puts(&b, "a");
	buf_append(&b, "\0b", 2);
	buf_putc(&b, 'c');
	CHECK(b.len == 4);
	CHECK(memcmp(b.data, "a\0bc", 5) == 0);
	/* Exactly filling the first allocation, then one more byte. */
	buf_reset(&b);
	for (i = 0; i < 255; i++)
		buf_putc(&b, 'z');
	CHECK(b.len == 255 && b.cap == 256);
	buf_putc(&b, 'z');
	CHECK(b.len == 256 && b.cap > 256 && b.data[256] == '\0');
	buf_free(&b);
	return CHECK_DONE();
}
