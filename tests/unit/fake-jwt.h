/*
 * fake-jwt.h: tokens for the unit tests of jwt_sign() and jwt_verify():
 * one key and one clock, tokens signed by jwt_sign() with chosen times,
 * tokens crafted by hand with any header and payload, and the check that
 * a token is refused.
 */
#ifndef AGORA_FAKE_JWT_H
#define AGORA_FAKE_JWT_H

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
static inline void
b64(struct buf *out, const void *p, size_t n)
{
	char	 tmp[8192];

	sodium_bin2base64(tmp, sizeof(tmp), p, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	buf_puts(out, tmp);
}

/* Appends a token put together by hand: any header, any payload, and an
 * HS256 MAC over them with k (no signature at all when k is NULL). */
static inline void
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

/* Replaces t with a signed, current token of exactly len bytes (len near
 * 4096), its claims padded to size: base64 grows by one or two characters
 * per byte, so pads are tried in turn.  0 when none gives that length. */
static inline int
craft_len(struct buf *t, size_t len)
{
	struct buf	 p;
	size_t		 pad;
	int		 seen = 0;

	buf_init(&p);
	for (pad = 2900; pad < 3100 && !seen; pad++) {
		buf_reset(t);
		buf_reset(&p);
		buf_printf(&p, "{\"iat\":%lld,\"exp\":%lld,\"pad\":\"%0*d\"}",
		    (long long)NOW, (long long)NOW + 10, (int)pad, 0);
		craft(t, HDR, p.data, key, KEYLEN);
		seen = t->len == len;
	}
	buf_free(&p);
	return seen;
}

/* Appends a signed token with the given claims to out. */
static inline void
make(struct buf *out, long long iat, long long exp)
{
	json_t	*c;

	c = json_pack("{s:I, s:I, s:I, s:s}", "sub", (json_int_t)7,
	    "iat", (json_int_t)iat, "exp", (json_int_t)exp, "role", "ong");
	CHECK(jwt_sign(c, key, KEYLEN, out) == 0);
	json_decref(c);
}

/* jwt_verify() refuses token and sets *claims to NULL. */
static inline void
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

#endif
