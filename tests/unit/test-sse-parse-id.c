/* sse_parse_id: the ids a stream sends come back as Last-Event-ID. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	long long	 id = 0;

	CHECK(sse_parse_id("1", &id) && id == 1);
	CHECK(sse_parse_id("12345", &id) && id == 12345);
	CHECK(sse_parse_id("007", &id) && id == 7);
	CHECK(sse_parse_id("9007199254740991", &id) && id == SSE_ID_MAX);
	return CHECK_DONE();
}
