/*
 * The same body fed one byte, two bytes ... 64 bytes at a time: the
 * delimiter split across reads is found every time, and the bytes that
 * only looked like a delimiter's start come out as data.
 */
#include "check.h"
#include "mp-collect.h"

static const char body[] =
    "preamble\r\n--bb\r\n"
    "Content-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n"
    "\r\n\r\n-\r\n--\r\n--b\r\n--bx\r\r\n-"
    "\r\n--bb--";

int
main(void)
{
	struct mp_seen	 s;
	size_t		 chunk;
	const char	 want[] = "\r\n\r\n-\r\n--\r\n--b\r\n--bx\r\r\n-";

	for (chunk = 1; chunk <= 64; chunk++) {
		CHECK(mp_run("bb", body, sizeof(body) - 1, chunk, &s) == MP_OK);
		CHECK(s.nparts == 1);
		CHECK(s.data[0].len == sizeof(want) - 1);
		CHECK(memcmp(s.data[0].data, want, sizeof(want) - 1) == 0);
		mp_seen_free(&s);
	}
	return CHECK_DONE();
}
