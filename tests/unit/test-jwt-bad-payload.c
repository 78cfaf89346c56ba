/*
 * Changing the payload of a signed token, here to become another user, makes
 * it fail verification.
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
	struct buf	 good, bad;
	char		 claims[200];
	const char	*d1, *d2;

	if (sodium_init() < 0)
		return 1;
	buf_init(&good);
	buf_init(&bad);
	snprintf(claims, sizeof(claims),
	    "{\"sub\":7,\"iat\":%lld,\"exp\":%lld}",
	    (long long)NOW, (long long)NOW + 100);
	craft(&good, HDR, claims, key, KEYLEN);
	d1 = strchr(good.data, '.');
	d2 = strrchr(good.data, '.');

	/* Header and signature of the good token, another payload. */
	claims[7] = '1';
	craft(&bad, HDR, claims, NULL, 0);
	buf_puts(&bad, d2 + 1);
	refused(bad.data, key, KEYLEN, NOW);

	/* One bit of one payload character flipped. */
	buf_reset(&bad);
	buf_puts(&bad, good.data);
	bad.data[d1 - good.data + 5] ^= 1;
	refused(bad.data, key, KEYLEN, NOW);

	/* The untouched token is fine. */
	buf_reset(&bad);
	buf_puts(&bad, good.data);
	CHECK(bad.len == good.len);
	buf_free(&good);
	buf_free(&bad);
	return CHECK_DONE();
}
