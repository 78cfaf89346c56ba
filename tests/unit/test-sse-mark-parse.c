/* sse_mark_parse: the marks a stream sends come back as Last-Event-ID. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	struct sse_mark	 m;
	char		 text[SSE_MARK_TEXT];

	CHECK(sse_mark_parse("1", &m) && m.below == 1 && m.nhave == 0);
	CHECK(sse_mark_parse("007", &m) && m.below == 7);
	CHECK(sse_mark_parse("9007199254740991", &m) && m.below == SSE_ID_MAX);
	CHECK(sse_mark_parse("40:42,45", &m) && m.below == 40 &&
	    m.nhave == 2 && m.have[0] == 42 && m.have[1] == 45);
	CHECK_STR(sse_mark_text(&m, text), "40:42,45");
	/* A client given rows before the first safe point of a stream. */
	CHECK(sse_mark_parse("0:5", &m) && m.below == 0 && m.nhave == 1);
	return CHECK_DONE();
}
