/*
 * A token must have exactly three dot-separated parts: two, four or an
 * empty part are refused.
 */
#include <sodium.h>
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

int
main(void)
{
	struct buf	 t, bad;
	const char	*d1, *d2;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	buf_init(&bad);
	make(&t, NOW, NOW + 100);
	d1 = strchr(t.data, '.');
	d2 = strrchr(t.data, '.');

	buf_printf(&bad, "%s.", t.data);
	refused(bad.data, key, KEYLEN, NOW);
	buf_reset(&bad);
	buf_printf(&bad, "%s.%s", t.data, d2 + 1);
	refused(bad.data, key, KEYLEN, NOW);
	buf_reset(&bad);
	buf_printf(&bad, ".%s", t.data);
	refused(bad.data, key, KEYLEN, NOW);
	/* Header and signature only. */
	buf_reset(&bad);
	buf_append(&bad, t.data, (size_t)(d1 - t.data));
	buf_puts(&bad, d2);
	refused(bad.data, key, KEYLEN, NOW);
	/* Empty header, empty payload. */
	buf_reset(&bad);
	buf_puts(&bad, d1);
	refused(bad.data, key, KEYLEN, NOW);
	buf_reset(&bad);
	buf_append(&bad, t.data, (size_t)(d1 - t.data) + 1);
	buf_puts(&bad, d2);
	refused(bad.data, key, KEYLEN, NOW);
	buf_free(&t);
	buf_free(&bad);
	return CHECK_DONE();
}
