/*
 * A part whose headers never end stops at MP_HEADERS_MAX bytes, however
 * much more is sent.
 */
#include <stdlib.h>

#include "check.h"
#include "mp-collect.h"

int
main(void)
{
	struct mp_seen	 s;
	size_t		 n = 100000;
	char		*body;

	body = malloc(n);
	memset(body, 'h', n);
	memcpy(body, "--b\r\nX-Long: ", 13);
	CHECK(mp_run("b", body, n, 1000, &s) == MP_HEADERS_TOO_LONG);
	CHECK(s.nparts == 0);
	mp_seen_free(&s);
	free(body);
	return CHECK_DONE();
}
