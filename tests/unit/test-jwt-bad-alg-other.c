/*
 * Only HS256 is accepted: HS512, RS256, "hs256" and a header naming the
 * algorithm twice are refused even with a valid HS256 MAC.
 */
#include <sodium.h>
#include <stddef.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

static const char *const hdrs[] = {
	"{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
	"{\"alg\":\"RS256\"}",
	"{\"alg\":\"hs256\"}",
	"{\"alg\":\"HS256 \"}",
	"{\"alg\":[\"HS256\"]}",
	"{\"alg\":\"none\",\"alg\":\"HS256\"}",
	"{\"alg\":\"HS256\",\"alg\":\"none\"}",
	"[\"HS256\"]",
	"not json",
	NULL
};

int
main(void)
{
	struct buf	 t;
	char		 claims[100];
	size_t		 i;

	if (sodium_init() < 0)
		return 1;
	snprintf(claims, sizeof(claims), "{\"sub\":1,\"iat\":%lld,"
	    "\"exp\":%lld}", (long long)NOW, (long long)NOW + 100);
	buf_init(&t);
	for (i = 0; hdrs[i] != NULL; i++) {
		buf_reset(&t);
		craft(&t, hdrs[i], claims, key, KEYLEN);
		refused(t.data, key, KEYLEN, NOW);
	}
	buf_free(&t);
	return CHECK_DONE();
}
