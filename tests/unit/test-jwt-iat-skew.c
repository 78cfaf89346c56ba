/*
 * A token issued up to 60 seconds in the future (clock skew between
 * hosts) still verifies, and so does one in its last second of life.
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
