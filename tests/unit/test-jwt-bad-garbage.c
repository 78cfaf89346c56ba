/*
 * Strings that are not tokens at all are refused without a crash.
 */
#include <sodium.h>
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

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
