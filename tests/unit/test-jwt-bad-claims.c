/*
 * Correctly signed tokens whose claims lack "exp" or "iat", give them as
 * strings or reals, or are not an object at all, are refused.
 */
#include <sodium.h>
#include <stddef.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

static const char *const bad[] = {
	"{\"sub\":1,\"iat\":1700000000}",
	"{\"sub\":1,\"exp\":1800000000}",
	"{\"iat\":\"1700000000\",\"exp\":1800000000}",
	"{\"iat\":1700000000,\"exp\":\"1800000000\"}",
	"{\"iat\":1700000000,\"exp\":1.8e9}",
	"{\"iat\":1700000000,\"exp\":null}",
	"{\"iat\":1700000000,\"exp\":1800000000,\"exp\":1}",
	"[1700000000,1800000000]",
	"\"claims\"",
	"{\"iat\":1700000000,\"exp\":1800000000",
	"",
	NULL
};

int
main(void)
{
	struct buf	 t;
	size_t		 i;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	for (i = 0; bad[i] != NULL; i++) {
		buf_reset(&t);
		craft(&t, HDR, bad[i], key, KEYLEN);
		refused(t.data, key, KEYLEN, NOW);
	}
	buf_free(&t);
	return CHECK_DONE();
}
