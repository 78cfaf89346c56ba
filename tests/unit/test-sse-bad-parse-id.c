/* sse_parse_id: anything but a positive decimal id is refused and the
 * output is left alone. */
#include "check.h"
#include "sse.h"

int
main(void)
{
	static const char *const bad[] = {
		"", "0", "-1", "+1", " 1", "1 ", "1.0", "0x10", "abc", "12a",
		"9007199254740992", "99999999999999999999", "1\n", NULL,
	};
	long long	 id = 99;
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(!sse_parse_id(bad[i], &id));
		CHECK(id == 99);
	}
	return CHECK_DONE();
}
