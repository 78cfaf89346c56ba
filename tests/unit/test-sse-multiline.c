/* sse_event: LF, CR and CRLF each end one data line. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	struct buf	 b;

	buf_init(&b);
	CHECK(sse_event(&b, NULL, NULL, "a\nb\rc\r\nd") == 0);
	CHECK_STR(buf_str(&b), "data: a\ndata: b\ndata: c\ndata: d\n\n");
	buf_reset(&b);
	/* A trailing line end is an empty last line, kept. */
	CHECK(sse_event(&b, "7", NULL, "a\n") == 0);
	CHECK_STR(buf_str(&b), "id: 7\ndata: a\ndata: \n\n");
	buf_free(&b);
	return CHECK_DONE();
}
