/* sse_event: id, event name and one data line, then the blank line. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	struct buf	 b;

	buf_init(&b);
	CHECK(sse_event(&b, "42", "notification", "{\"id\":42}") == 0);
	CHECK_STR(buf_str(&b), "id: 42\nevent: notification\ndata: {\"id\":42}\n\n");
	buf_reset(&b);
	/* No id keeps the browser's last one; no name is a "message". */
	CHECK(sse_event(&b, NULL, NULL, "x") == 0);
	CHECK_STR(buf_str(&b), "data: x\n\n");
	buf_reset(&b);
	CHECK(sse_event(&b, NULL, "count", "") == 0);
	CHECK_STR(buf_str(&b), "event: count\ndata: \n\n");
	buf_free(&b);
	return CHECK_DONE();
}
