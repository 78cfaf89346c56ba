/*
 * A token whose header says "alg": "none" is refused, unsigned or even
 * carrying a valid HS256 MAC; so is a header with no "alg".
 */
#include <sodium.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"

static const unsigned char key[] = "0123456789abcdef0123456789abcdef";
#define KEYLEN	(sizeof(key) - 1)
#define NOW	((time_t)1700000000)
#define HDR	"{\"alg\":\"HS256\",\"typ\":\"JWT\"}"

/* Appends n bytes as unpadded base64url. */
static void
b64(struct buf *out, const void *p, size_t n)
{
	char	 tmp[8192];

	sodium_bin2base64(tmp, sizeof(tmp), p, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	buf_puts(out, tmp);
}

/* Appends a token put together by hand: any header, any payload, and an
 * HS256 MAC over them with k (no signature at all when k is NULL). */
static void
craft(struct buf *out, const char *hdr, const char *payload,
    const unsigned char *k, size_t klen)
{
	unsigned char			 mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state	 st;
	size_t				 start = out->len;

	b64(out, hdr, strlen(hdr));
	buf_putc(out, '.');
	b64(out, payload, strlen(payload));
	if (k != NULL) {
		crypto_auth_hmacsha256_init(&st, k, klen);
		crypto_auth_hmacsha256_update(&st,
		    (const unsigned char *)out->data + start, out->len - start);
		crypto_auth_hmacsha256_final(&st, mac);
	}
	buf_putc(out, '.');
	if (k != NULL)
		b64(out, mac, sizeof(mac));
}

/* jwt_verify() refuses token and sets *claims to NULL. */
static void
refused(const char *token, const unsigned char *k, size_t klen, time_t now)
{
	json_t	*sentinel, *c;

	sentinel = json_object();
	c = sentinel;
	CHECK(jwt_verify(token, k, klen, now, &c) == -1);
	CHECK(c == NULL);
	if (c != NULL && c != sentinel)
		json_decref(c);
	json_decref(sentinel);
}

int
main(void)
{
	struct buf	 t;
	json_t		*c;
	char		 claims[100];

	if (sodium_init() < 0)
		return 1;
	snprintf(claims, sizeof(claims), "{\"sub\":1,\"iat\":%lld,"
	    "\"exp\":%lld}", (long long)NOW, (long long)NOW + 100);
	buf_init(&t);
	craft(&t, "{\"alg\":\"none\",\"typ\":\"JWT\"}", claims, NULL, 0);
	refused(t.data, key, KEYLEN, NOW);
	buf_reset(&t);
	craft(&t, "{\"alg\":\"none\"}", claims, key, KEYLEN);
	refused(t.data, key, KEYLEN, NOW);
	buf_reset(&t);
	craft(&t, "{\"alg\":\"None\"}", claims, key, KEYLEN);
	refused(t.data, key, KEYLEN, NOW);
	buf_reset(&t);
	craft(&t, "{\"typ\":\"JWT\"}", claims, key, KEYLEN);
	refused(t.data, key, KEYLEN, NOW);
	buf_reset(&t);
	craft(&t, "{\"alg\":null}", claims, key, KEYLEN);
	refused(t.data, key, KEYLEN, NOW);
	/* The same claims under HS256 pass: only the header differs. */
	buf_reset(&t);
	craft(&t, HDR, claims, key, KEYLEN);
	c = NULL;
	CHECK(jwt_verify(t.data, key, KEYLEN, NOW, &c) == 0);
	json_decref(c);
	buf_free(&t);
	return CHECK_DONE();
}
