/*
 * A token signed with another key, or checked with a shorter or empty
 * key, is refused.
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
	static const unsigned char other[] =
	    "0123456789abcdef0123456789abcdeF";
	struct buf	 t;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	make(&t, NOW, NOW + 100);
	refused(t.data, other, sizeof(other) - 1, NOW);
	refused(t.data, key, KEYLEN - 1, NOW);
	refused(t.data, key, 0, NOW);
	buf_free(&t);
	return CHECK_DONE();
}
