/*
 * Strings that are not tokens at all are refused without a crash.
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

/* jwt_verify() refuses token and sets *claims to NULL. */
static void
refused(const char *token, const unsigned char *k, size_t klen, time_t now)
{
	json_t	*sentinel, *c;

	sentinel = json_object();
	c = sentinel;
	CHECK(jwt_verify(token, k, klen, now, &c) == -1);
	CHECK(c == NULL);
	if (c != NULL && c != sentinel)
		json_decref(c);
	json_decref(sentinel);
}

static const char *const bad[] = {
	"", ".", "..", "...", "a.b.c", "Bearer x.y.z", "eyJ.eyJ.",
	"\xff\xfe.\x01.\x02", "====.====.====", "a b.c d.e f",
	"eyJhbGciOiJIUzI1NiJ9.e30.",
	NULL
};

int
main(void)
{
	size_t	 i;

	if (sodium_init() < 0)
		return 1;
	for (i = 0; bad[i] != NULL; i++)
		refused(bad[i], key, KEYLEN, NOW);
	return CHECK_DONE();
}
