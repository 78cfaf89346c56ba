/*
 * Appending nothing (a zero length, an empty string, an empty format)
 * changes no content and still leaves a valid empty string.
 */
#include <stddef.h>

#include "buf.h"
#include "check.h"

int
main(void)
{
	struct buf	 b;

	buf_init(&b);
	buf_append(&b, NULL, 0);
	CHECK(b.len == 0);
	CHECK(b.data != NULL && b.data[0] == '\0');
	buf_puts(&b, "");
	buf_printf(&b, "%s", "");
	CHECK(b.len == 0);
	CHECK_STR(buf_str(&b), "");
	buf_free(&b);
	buf_free(&b);	/* a freed buffer is an empty one */
	CHECK(b.data == NULL);
	return CHECK_DONE();
}
