/* sse_mark_add, _raise, _has and _text: what a client has, as ids are
 * sent out of order and the floor moves up behind them. */
#include <stdio.h>

#include "check.h"
#include "sse.h"

int
main(void)
{
	struct sse_mark	 m = { 10, { 0 }, 0 };
	char		 text[SSE_MARK_TEXT];
	long long	 i;

	CHECK(sse_mark_has(&m, 3) && sse_mark_has(&m, 10));
	CHECK(!sse_mark_has(&m, 11));
	sse_mark_add(&m, 15);
	sse_mark_add(&m, 12);
	sse_mark_add(&m, 15);		/* twice is once */
	CHECK_STR(sse_mark_text(&m, text), "10:12,15");
	CHECK(sse_mark_has(&m, 12) && !sse_mark_has(&m, 13));
	sse_mark_raise(&m, 12);
	CHECK_STR(sse_mark_text(&m, text), "12:15");
	sse_mark_raise(&m, 5);		/* never down */
	CHECK_STR(sse_mark_text(&m, text), "12:15");
	sse_mark_raise(&m, 15);
	CHECK_STR(sse_mark_text(&m, text), "15");
	/* Full: the newest is given up, never the floor raised past a gap. */
	for (i = 0; i < SSE_HAVE_MAX + 1; i++)
		sse_mark_add(&m, 20 + 2 * i);
	CHECK(m.nhave == SSE_HAVE_MAX && m.below == 15);
	CHECK(m.have[0] == 20 && m.have[SSE_HAVE_MAX - 1] ==
	    20 + 2 * (SSE_HAVE_MAX - 1));
	CHECK(!sse_mark_has(&m, 20 + 2 * SSE_HAVE_MAX));
	/* A late, lower id takes the place of the highest. */
	sse_mark_add(&m, 17);
	CHECK(m.nhave == SSE_HAVE_MAX && m.have[0] == 17);
	CHECK(!sse_mark_has(&m, 20 + 2 * (SSE_HAVE_MAX - 1)));
	CHECK(!sse_mark_has(&m, 16));
	CHECK(sse_mark_parse(sse_mark_text(&m, text), &m));
	/* Ids no client could send back are not recorded. */
	sse_mark_raise(&m, 100);
	sse_mark_add(&m, SSE_ID_MAX + 1);
	CHECK_STR(sse_mark_text(&m, text), "100");
	return CHECK_DONE();
}
