/*
 * arena_reset() gives every byte back: arena_used() drops to 0, the first
 * block is kept and handed out again from its start, and the arena can be
 * used and reset any number of times.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;
	char		*first, *p;
	size_t		 i, round;

	a = arena_new();
	first = arena_alloc(a, 10);
	for (round = 0; round < 5; round++) {
		for (i = 0; i < 2000; i++) {
			p = arena_alloc(a, 200);
			memset(p, 'r', 200);
		}
		CHECK(arena_used(a) > 0);
		arena_reset(a);
		CHECK(arena_used(a) == 0);
		p = arena_alloc(a, 10);
		CHECK(p == first);
		p = arena_strdup(a, "reused");
		CHECK_STR(p, "reused");
	}
	arena_free(a);
	arena_free(NULL);
	return CHECK_DONE();
}
