/*
 * What the RFC allows is accepted: blanks after a delimiter, a part with
 * no headers, an epilogue, a long file name cut at a UTF-8 boundary,
 * escaped quotes and unknown parameters.
 */
#include "check.h"
#include "mp-collect.h"

int
main(void)
{
	struct mp_seen	 s;
	struct buf	 b;
	int		 i;

	CHECK(mp_run("b", "--b \t\r\n\r\nbare\r\n--b--\r\nepilogue --b", 36,
	    2, &s) == MP_OK);
	CHECK(s.nparts == 1);
	CHECK_STR(s.names[0], "");
	CHECK_STR(buf_str(&s.data[0]), "bare");
	mp_seen_free(&s);

	buf_init(&b);
	buf_puts(&b, "--b\r\ncontent-disposition: form-data; x=\"y;z\"; "
	    "name=\"q\\\"t\"; filename=\"");
	for (i = 0; i < 200; i++)
		buf_puts(&b, "\xc3\xb1");	/* ñ: 400 bytes */
	buf_puts(&b, "\"\r\n\r\n\r\n--b--");
	CHECK(mp_run("b", b.data, b.len, 64, &s) == MP_OK);
	CHECK_STR(s.names[0], "q\"t");
	CHECK(strlen(s.files[0]) == 254);
	CHECK(s.data[0].len == 0);
	mp_seen_free(&s);
	buf_free(&b);
	return CHECK_DONE();
}
