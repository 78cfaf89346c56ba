/* jwt: compact JWS with HS256 only. */
#include <sodium.h>
#include <string.h>

#include "jwt.h"
#include "mem.h"

#define JWT_MAX	4096	/* longer tokens are refused unread */

static const char jwt_header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

static void
b64url(struct buf *out, const unsigned char *p, size_t n)
{
	char	*tmp;
	size_t	 len;

	len = sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	tmp = x_malloc(len);
	sodium_bin2base64(tmp, len, p, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	buf_puts(out, tmp);
	x_free(tmp);
}

static void
hs256(const unsigned char *key, size_t keylen, const char *msg, size_t n,
    unsigned char mac[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256_state	 st;

	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, n);
	crypto_auth_hmacsha256_final(&st, mac);
}

int
jwt_sign(const json_t *claims, const unsigned char *key, size_t keylen,
    struct buf *out)
{
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES];
	char		*body;
	struct buf	 b;

	if ((body = json_dumps(claims, JSON_COMPACT)) == NULL)
		return -1;
	buf_init(&b);
	b64url(&b, (const unsigned char *)jwt_header, strlen(jwt_header));
	buf_putc(&b, '.');
	b64url(&b, (const unsigned char *)body, strlen(body));
	free(body);
	hs256(key, keylen, b.data, b.len, mac);
	buf_putc(&b, '.');
	b64url(&b, mac, sizeof(mac));
	buf_append(out, b.data, b.len);
	buf_free(&b);
	return 0;
}

/* Decodes one base64url part into a new NUL-terminated buffer. */
static unsigned char *
unb64(const char *p, size_t n, size_t *outlen)
{
	unsigned char	*bin;

	bin = x_malloc(n + 1);
	if (sodium_base642bin(bin, n, p, n, NULL, outlen, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
		x_free(bin);
		return NULL;
	}
	bin[*outlen] = '\0';
	return bin;
}

int
jwt_verify(const char *token, const unsigned char *key, size_t keylen,
    time_t now, json_t **claims)
{
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES], *hdr = NULL, *body = NULL;
	unsigned char	*sig = NULL;
	const char	*d1, *d2, *alg;
	size_t		 n, hlen, blen, slen;
	json_t		*h = NULL, *c = NULL, *exp, *iat;
	int		 rc = -1;

	*claims = NULL;
	n = strnlen(token, JWT_MAX + 1);
	if (n > JWT_MAX || (d1 = strchr(token, '.')) == NULL ||
	    (d2 = strchr(d1 + 1, '.')) == NULL || strchr(d2 + 1, '.') != NULL)
		goto out;
	if ((sig = unb64(d2 + 1, n - (size_t)(d2 + 1 - token), &slen)) == NULL ||
	    slen != sizeof(mac))
		goto out;
	hs256(key, keylen, token, (size_t)(d2 - token), mac);
	if (sodium_memcmp(mac, sig, sizeof(mac)) != 0)
		goto out;
	if ((hdr = unb64(token, (size_t)(d1 - token), &hlen)) == NULL ||
	    (body = unb64(d1 + 1, (size_t)(d2 - d1 - 1), &blen)) == NULL)
		goto out;
	h = json_loadb((const char *)hdr, hlen, JSON_REJECT_DUPLICATES, NULL);
	c = json_loadb((const char *)body, blen, JSON_REJECT_DUPLICATES, NULL);
	if (!json_is_object(h) || !json_is_object(c))
		goto out;
	if ((alg = json_string_value(json_object_get(h, "alg"))) == NULL ||
	    strcmp(alg, "HS256") != 0)
		goto out;
	exp = json_object_get(c, "exp");
	iat = json_object_get(c, "iat");
	if (!json_is_integer(exp) || json_integer_value(exp) <= now ||
	    !json_is_integer(iat) || json_integer_value(iat) > now + 60)
		goto out;
	*claims = c;
	c = NULL;
	rc = 0;
out:
	json_decref(h);
	json_decref(c);
	x_free(hdr);
	x_free(body);
	x_free(sig);
	return rc;
}
