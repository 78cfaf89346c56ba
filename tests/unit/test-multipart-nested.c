/*
 * A multipart/mixed part inside a form part is that part's data: its
 * inner boundaries neither end nor split the outer part.
 */
#include "check.h"
#include "mp-collect.h"

static const char inner[] =
    "--in\r\nContent-Type: text/plain\r\n\r\none\r\n"
    "--in\r\nContent-Type: text/plain\r\n\r\ntwo\r\n--in--";
static const char body[] =
    "--out\r\nContent-Disposition: form-data; name=\"files\"\r\n"
    "Content-Type: multipart/mixed; boundary=in\r\n\r\n"
    "--in\r\nContent-Type: text/plain\r\n\r\none\r\n"
    "--in\r\nContent-Type: text/plain\r\n\r\ntwo\r\n--in--"
    "\r\n--out--\r\n";

int
main(void)
{
	struct mp_seen	 s;

	CHECK(mp_run("out", body, sizeof(body) - 1, 5, &s) == MP_OK);
	CHECK(s.nparts == 1);
	CHECK_STR(s.types[0], "multipart/mixed; boundary=in");
	CHECK_STR(buf_str(&s.data[0]), inner);
	mp_seen_free(&s);
	return CHECK_DONE();
}
