/*
 * An allocation larger than a block gets a block of its own, and small
 * allocations keep working around it.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;
	char		*small1, *big, *mid, *small2;
	size_t		 i, bad = 0;

	a = arena_new();
	small1 = arena_strdup(a, "before");
	big = arena_alloc(a, 1024 * 1024);
	for (i = 0; i < 1024 * 1024; i++)
		if (big[i] != 0)
			bad++;
	memset(big, 'x', 1024 * 1024);
	/* Just above a quarter block: its own block as well. */
	mid = arena_alloc(a, 16 * 1024 + 1);
	memset(mid, 'y', 16 * 1024 + 1);
	small2 = arena_strdup(a, "after");
	CHECK(bad == 0);
	CHECK_STR(small1, "before");
	CHECK_STR(small2, "after");
	CHECK(big[0] == 'x' && big[1024 * 1024 - 1] == 'x');
	CHECK(mid[0] == 'y' && mid[16 * 1024] == 'y');
	CHECK(arena_used(a) == 7 + 1024 * 1024 + 16 * 1024 + 1 + 6);
	arena_free(a);
	return CHECK_DONE();
}
