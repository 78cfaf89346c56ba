/*
 * A 4 MB file goes through in pieces no larger than the parser's own
 * buffer, whatever the read size: nothing is held whole.
 */
#include <stdlib.h>

#include "check.h"
#include "multipart.h"

static size_t	 total, biggest;

static int
count(void *arg, const char *d, size_t n)
{
	(void)arg;
	(void)d;
	total += n;
	if (n > biggest)
		biggest = n;
	return 0;
}

int
main(void)
{
	struct mp_callbacks	 cb = { NULL, count, NULL };
	struct multipart	*mp;
	const char		 head[] = "--q\r\nContent-Disposition: form-data; "
	    "name=\"file\"; filename=\"big\"\r\n\r\n";
	size_t			 n = 4 << 20, i;
	char			*chunk;

	chunk = malloc(1 << 20);
	memset(chunk, '\r', 1 << 20);	/* every byte starts a candidate */
	mp = mp_new("q", 4, &cb, NULL);
	CHECK(mp_feed(mp, head, sizeof(head) - 1) == MP_OK);
	for (i = 0; i < n; i += 1 << 20)
		CHECK(mp_feed(mp, chunk, 1 << 20) == MP_OK);
	CHECK(mp_feed(mp, "\r\n--q--", 7) == MP_OK);
	CHECK(mp_finish(mp) == MP_OK);
	CHECK(total == n);
	CHECK(biggest <= 8192);
	mp_free(mp);
	free(chunk);
	return CHECK_DONE();
}
