/*
 * A body that stops before its final boundary is truncated, even when the
 * part itself looked complete.
 */
#include "check.h"
#include "mp-collect.h"

static const char body[] =
    "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--b\r\n";

int
main(void)
{
	struct mp_seen	 s;

	CHECK(mp_run("b", body, sizeof(body) - 1, 7, &s) == MP_TRUNCATED);
	mp_seen_free(&s);
	CHECK(mp_run("b", body, 20, 7, &s) == MP_TRUNCATED);
	mp_seen_free(&s);
	CHECK(mp_run("b", "", 0, 7, &s) == MP_TRUNCATED);
	mp_seen_free(&s);
	return CHECK_DONE();
}
