/*
 * arena_alloc() hands out zeroed memory, even when the bytes were used
 * and dirtied before a reset.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "check.h"

static size_t
nonzero(const unsigned char *p, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			c++;
	return c;
}

int
main(void)
{
	struct arena	*a;
	unsigned char	*p;

	a = arena_new();
	p = arena_alloc(a, 4000);
	CHECK(nonzero(p, 4000) == 0);
	memset(p, 0xaa, 4000);
	arena_reset(a);
	p = arena_alloc(a, 4000);
	CHECK(nonzero(p, 4000) == 0);
	memset(p, 0x55, 4000);
	/* The next allocation follows in the same block. */
	p = arena_alloc(a, 100);
	CHECK(nonzero(p, 100) == 0);
	arena_free(a);
	return CHECK_DONE();
}
