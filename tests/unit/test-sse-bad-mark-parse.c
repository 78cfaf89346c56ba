/* sse_mark_parse: anything but a mark a stream could have sent is
 * refused and the output is left alone. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	static const char *const bad[] = {
		"", "0", "-1", "+1", " 1", "1 ", "1.0", "0x10", "abc", "12a",
		"9007199254740992", "99999999999999999999", "1\n", "1:", "1:,2",
		"1:2,", "5:3", "5:5", "5:7,6", "5:7,7", "5:6;7", ":5", NULL,
	};
	struct sse_mark	 m = { 99, { 0 }, 0 };
	char		 many[1024];
	size_t		 i, n;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(!sse_mark_parse(bad[i], &m));
		CHECK(m.below == 99 && m.nhave == 0);
	}
	/* More ids than a mark holds. */
	n = (size_t)snprintf(many, sizeof(many), "1");
	for (i = 0; i <= SSE_HAVE_MAX; i++)
		n += (size_t)snprintf(many + n, sizeof(many) - n, "%c%zu",
		    i == 0 ? ':' : ',', i + 2);
	CHECK(!sse_mark_parse(many, &m));
	CHECK(m.below == 99);
	return CHECK_DONE();
}
