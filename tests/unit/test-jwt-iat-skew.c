/*
 * A token issued up to 60 seconds in the future (clock skew between
 * hosts) still verifies, and so does one in its last second of life.
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

int
main(void)
{
	struct buf	 t;
	json_t		*c;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	make(&t, NOW + 60, NOW + 3600);
	CHECK(jwt_verify(t.data, key, KEYLEN, NOW, &c) == 0);
	json_decref(c);
	buf_reset(&t);
	make(&t, NOW - 3600, NOW + 1);
	CHECK(jwt_verify(t.data, key, KEYLEN, NOW, &c) == 0);
	json_decref(c);
	buf_free(&t);
	return CHECK_DONE();
}
