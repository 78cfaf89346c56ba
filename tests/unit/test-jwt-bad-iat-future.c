/*
 * A token issued more than 60 seconds in the future is refused.
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
	make(&t, NOW + 61, NOW + 3600);
	refused(t.data, key, KEYLEN, NOW);
	buf_reset(&t);
	make(&t, NOW + 86400, NOW + 90000);
	refused(t.data, key, KEYLEN, NOW);
	buf_free(&t);
	return CHECK_DONE();
}
