/*
 * arena_free(NULL) is a no-op; resetting a fresh or already reset arena
 * is harmless.
 */
#include <stddef.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;

	arena_free(NULL);
	a = arena_new();
	CHECK(arena_used(a) == 0);
	arena_reset(a);
	arena_reset(a);
	CHECK(arena_used(a) == 0);
	CHECK_STR(arena_strdup(a, "still fine"), "still fine");
	arena_free(a);
	return CHECK_DONE();
}
