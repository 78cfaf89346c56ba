/*
 * A token is refused from the second its "exp" is reached.
 */
#include <sodium.h>
#include <string.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

int
main(void)
{
	struct buf	 t;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	make(&t, NOW - 3600, NOW);
	refused(t.data, key, KEYLEN, NOW);
	refused(t.data, key, KEYLEN, NOW + 1);
	refused(t.data, key, KEYLEN, NOW + 86400);
	buf_reset(&t);
	make(&t, NOW - 3600, NOW - 1);
	refused(t.data, key, KEYLEN, NOW);
	buf_free(&t);
	return CHECK_DONE();
}
