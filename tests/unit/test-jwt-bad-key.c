/*
 * A token signed with another key, or checked with a shorter or empty
 * key, is refused.
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
