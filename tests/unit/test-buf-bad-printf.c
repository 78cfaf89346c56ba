/*
 * A conversion vsnprintf() refuses (a wide character the C locale cannot
 * encode) leaves the buffer as it was.
 */
#include <stddef.h>
#include <wchar.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	static const wchar_t	 wide[] = { 0x00e9, 0 };
	struct buf		 b;

	buf_init(&b);
	buf_puts(&b, "keep");
	buf_printf(&b, "x%lsy", wide);
	CHECK(b.len == 4);
	CHECK_STR(buf_str(&b), "keep");
	buf_printf(&b, "%ls", wide);
	CHECK_STR(buf_str(&b), "keep");
	buf_free(&b);
	return CHECK_DONE();
}
