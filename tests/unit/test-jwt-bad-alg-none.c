/*
 * A token whose header says "alg": "none" is refused, unsigned or even
 * carrying a valid HS256 MAC; so is a header with no "alg".
 */
#include <sodium.h>
#include <stddef.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

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
