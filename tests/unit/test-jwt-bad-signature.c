/*
 * A token whose signature was changed, cut, extended or removed is
 * refused.
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
	const char	*sig;
	size_t		 i;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	buf_init(&bad);
	make(&t, NOW, NOW + 100);
	sig = strrchr(t.data, '.') + 1;
	/* Flip each signature character in turn to another letter. */
	for (i = 0; sig[i] != '\0'; i++) {
		buf_reset(&bad);
		buf_puts(&bad, t.data);
		bad.data[sig - t.data + (long)i] =
		    sig[i] == 'A' ? 'B' : 'A';
		refused(bad.data, key, KEYLEN, NOW);
	}
	buf_reset(&bad);
	buf_append(&bad, t.data, t.len - 1);
	refused(bad.data, key, KEYLEN, NOW);
	buf_reset(&bad);
	buf_printf(&bad, "%sAA", t.data);
	refused(bad.data, key, KEYLEN, NOW);
	buf_reset(&bad);
	buf_append(&bad, t.data, (size_t)(sig - t.data));
	refused(bad.data, key, KEYLEN, NOW);
	/* Standard base64 characters are not base64url. */
	buf_reset(&bad);
	buf_puts(&bad, t.data);
	bad.data[sig - t.data] = '+';
	refused(bad.data, key, KEYLEN, NOW);
	buf_free(&t);
	buf_free(&bad);
	return CHECK_DONE();
}
