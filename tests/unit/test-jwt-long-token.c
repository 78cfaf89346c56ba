/*
 * A token of exactly 4096 bytes is still read.
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
	int		 seen;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	seen = craft_len(&t, 4096);
	if (seen) {
		c = NULL;
		CHECK(jwt_verify(t.data, key, KEYLEN, NOW, &c) == 0);
		CHECK(json_is_object(c));
		json_decref(c);
	}
	CHECK(seen);
	buf_free(&t);
	return CHECK_DONE();
}
