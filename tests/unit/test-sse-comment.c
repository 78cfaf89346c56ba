/* sse_comment and sse_retry: the heartbeat and the reconnection delay. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	struct buf	 b;

	buf_init(&b);
	sse_comment(&b, "ping");
	CHECK_STR(buf_str(&b), ": ping\n\n");
	buf_reset(&b);
	sse_comment(&b, "a\nb");
	CHECK_STR(buf_str(&b), ": a\n: b\n\n");
	buf_reset(&b);
	sse_comment(&b, NULL);
	CHECK_STR(buf_str(&b), ": \n\n");
	buf_reset(&b);
	sse_retry(&b, 5000);
	CHECK_STR(buf_str(&b), "retry: 5000\n\n");
	buf_free(&b);
	return CHECK_DONE();
}
