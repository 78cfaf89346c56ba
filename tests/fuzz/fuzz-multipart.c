/*
 * fuzz-multipart: the upload parser on arbitrary bodies.  The first byte
 * picks the read size (1 to 256 bytes), so delimiters and headers split
 * across reads are explored; the rest is the body, with the boundary
 * "AaB03x".  The parser must never emit more data than it was given nor
 * call back outside a part.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct fz {
	size_t	 in_part, data;
};

static int
fz_begin(void *arg, const struct mp_part *p)
{
	struct fz	*f = arg;

	if (f->in_part || strlen(p->name) >= MP_NAME_MAX)
		abort();
	f->in_part = 1;
	return 0;
}

static int
fz_data(void *arg, const char *d, size_t n)
{
	struct fz	*f = arg;
	volatile char	 sink;

	if (!f->in_part || n == 0)
		abort();
	sink = d[0];
	sink = d[n - 1];
	(void)sink;
	f->data += n;
	return 0;
}

static int
fz_end(void *arg, const struct mp_part *p)
{
	struct fz	*f = arg;

	(void)p;
	if (!f->in_part)
		abort();
	f->in_part = 0;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct mp_callbacks cb = { fz_begin, fz_data, fz_end };
	struct fz		 f = { 0, 0 };
	struct multipart	*mp;
	size_t			 chunk, i, n;
	enum mp_status		 st = MP_OK;

	if (size < 1)
		return 0;
	chunk = (size_t)data[0] + 1;
	data++;
	size--;
	mp = mp_new("AaB03x", 16, &cb, &f);
	for (i = 0; i < size && st == MP_OK; i += n) {
		n = size - i < chunk ? size - i : chunk;
		st = mp_feed(mp, (const char *)data + i, n);
	}
	if (st == MP_OK)
		(void)mp_finish(mp);
	if (f.data > size)
		abort();
	mp_free(mp);
	return 0;
}
