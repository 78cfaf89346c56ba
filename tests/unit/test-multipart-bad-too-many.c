/*
 * More parts than allowed stop the parse; a callback that says stop
 * stops it too.
 */
#include "check.h"
#include "mp-collect.h"

static int
refuse(void *arg, const struct mp_part *p)
{
	(void)arg;
	(void)p;
	return 1;
}

int
main(void)
{
	struct mp_seen		 s;
	struct buf		 b;
	struct multipart	*mp;
	struct mp_callbacks	 cb = { refuse, NULL, NULL };
	int			 i;

	buf_init(&b);
	for (i = 0; i < 20; i++)
		buf_puts(&b, "--b\r\nContent-Disposition: form-data; "
		    "name=\"a\"\r\n\r\nv\r\n");
	buf_puts(&b, "--b--");
	CHECK(mp_run("b", b.data, b.len, 100, &s) == MP_TOO_MANY_PARTS);
	CHECK(s.nparts == 8);
	mp_seen_free(&s);

	mp = mp_new("b", 4, &cb, NULL);
	CHECK(mp_feed(mp, b.data, b.len) == MP_ABORTED);
	CHECK(mp_feed(mp, "x", 1) == MP_ABORTED);
	CHECK(mp_finish(mp) == MP_ABORTED);
	mp_free(mp);
	buf_free(&b);
	return CHECK_DONE();
}
