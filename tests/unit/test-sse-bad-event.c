/* sse_event: an id or name that would break the framing, or no data, is refused
 * and nothing is written. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	struct buf	 b;

	buf_init(&b);
	CHECK(sse_event(&b, "1", "", "x") == -1);
	CHECK(sse_event(&b, "1", "a\nb", "x") == -1);
	CHECK(sse_event(&b, "1", "a\rdata: y", "x") == -1);
	CHECK(sse_event(&b, "1", "count", NULL) == -1);
	CHECK(sse_event(&b, "", "count", "x") == -1);
	CHECK(sse_event(&b, "1\ndata: y", "count", "x") == -1);
	CHECK(b.len == 0);
	buf_free(&b);
	return CHECK_DONE();
}
