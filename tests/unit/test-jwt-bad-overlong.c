/*
 * A token longer than 4096 bytes is refused unread, even when it is
 * correctly signed and current.
 */
#include <sodium.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

int
main(void)
{
	struct buf	 t, p;
	int		 seen;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	buf_init(&p);
	seen = craft_len(&t, 4097);
	if (seen)
		refused(t.data, key, KEYLEN, NOW);
	CHECK(seen);
	/* Far longer. */
	buf_reset(&p);
	buf_printf(&p, "{\"iat\":%lld,\"exp\":%lld,\"pad\":\"%05000d\"}",
	    (long long)NOW, (long long)NOW + 10, 0);
	buf_reset(&t);
	craft(&t, HDR, p.data, key, KEYLEN);
	refused(t.data, key, KEYLEN, NOW);
	buf_free(&t);
	buf_free(&p);
	return CHECK_DONE();
}
