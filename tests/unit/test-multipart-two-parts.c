/*
 * A field and a file, read whole: names, file name, type and bytes.
 */
#include "check.h"
#include "mp-collect.h"

static const char body[] =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"kind\"\r\n\r\n"
    "cover\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"a b.jpg\"\r\n"
    "Content-Type: image/jpeg\r\n\r\n"
    "\xff\xd8\r\n-binary-\r\n--Xy\r\n"
    "--XyZ--\r\n";

int
main(void)
{
	struct mp_seen	 s;

	CHECK(mp_run("XyZ", body, sizeof(body) - 1, 4096, &s) == MP_OK);
	CHECK(s.nparts == 2);
	CHECK(s.ends == 2);
	CHECK_STR(s.names[0], "kind");
	CHECK_STR(buf_str(&s.data[0]), "cover");
	CHECK_STR(s.names[1], "file");
	CHECK_STR(s.files[1], "a b.jpg");
	CHECK_STR(s.types[1], "image/jpeg");
	CHECK(s.data[1].len == 18);
	CHECK(memcmp(s.data[1].data, "\xff\xd8\r\n-binary-\r\n--Xy", 18) == 0);
	mp_seen_free(&s);
	return CHECK_DONE();
}
