/*
 * User text holding printf directives is stored literally by buf_puts()
 * and by buf_printf("%s"); "%%" in a format is one percent sign.
 */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	static const char hostile[] = "100%s %n %x %%d %";
	struct buf	 b;

	buf_init(&b);
	buf_puts(&b, hostile);
	CHECK_STR(buf_str(&b), hostile);
	buf_reset(&b);
	buf_printf(&b, "[%s]", hostile);
	CHECK_STR(buf_str(&b), "[100%s %n %x %%d %]");
	buf_reset(&b);
	buf_printf(&b, "%d%%", 50);
	CHECK_STR(buf_str(&b), "50%");
	CHECK(b.len == 3);
	buf_free(&b);
	return CHECK_DONE();
}
