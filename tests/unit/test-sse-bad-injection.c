/* sse_event and sse_comment: text with line ends cannot start a field or
 * end the event early: every line keeps its prefix. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	struct buf	 b;

	buf_init(&b);
	CHECK(sse_event(&b, "3", "notification", "t\n\nid: 99\nevent: count") == 0);
	CHECK_STR(buf_str(&b), "id: 3\nevent: notification\ndata: t\ndata: \n"
	    "data: id: 99\ndata: event: count\n\n");
	buf_reset(&b);
	sse_comment(&b, "x\r\n\r\ndata: y");
	CHECK_STR(buf_str(&b), ": x\n: \n: data: y\n\n");
	buf_free(&b);
	return CHECK_DONE();
}
