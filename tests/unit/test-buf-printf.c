/*
 * buf_printf() appends formatted text, growing as needed, including a
 * single conversion longer than the buffer's current capacity.
 */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	struct buf	 b;
	char		 long_s[3001];
	size_t		 i;

	buf_init(&b);
	buf_printf(&b, "%s=%d", "n", 42);
	CHECK_STR(buf_str(&b), "n=42");
	CHECK(b.len == 4);
	buf_printf(&b, "%s", "");
	CHECK(b.len == 4);
	buf_printf(&b, ";%lld", -9223372036854775807LL - 1);
	CHECK_STR(buf_str(&b), "n=42;-9223372036854775808");

	memset(long_s, 'q', sizeof(long_s) - 1);
	long_s[sizeof(long_s) - 1] = '\0';
	buf_printf(&b, "[%s]", long_s);
	CHECK(b.len == 25 + 3002);
	CHECK(b.data[25] == '[' && b.data[25 + 3001] == ']');
	CHECK(b.data[b.len] == '\0');
	for (i = 0; i < 100; i++)
		buf_printf(&b, "%03zu", i);
	CHECK(b.len == 25 + 3002 + 300);
	CHECK(strncmp(b.data + b.len - 6, "098099", 6) == 0);
	buf_free(&b);
	return CHECK_DONE();
}
