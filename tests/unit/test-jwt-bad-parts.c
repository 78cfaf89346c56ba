/*
 * A token must have exactly three dot-separated parts: two, four or an
 * empty part are refused.
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

/* Appends a signed token with the given claims to out. */
static void
make(struct buf *out, long long iat, long long exp)
{
	json_t	*c;

	c = json_pack("{s:I, s:I, s:I, s:s}", "sub", (json_int_t)7,
	    "iat", (json_int_t)iat, "exp", (json_int_t)exp, "role", "ong");
	CHECK(jwt_sign(c, key, KEYLEN, out) == 0);
	json_decref(c);
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
