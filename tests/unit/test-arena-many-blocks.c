/*
 * Many small allocations (500 kB in all) spill over several blocks; every
 * one keeps its own bytes and arena_used() counts what was asked for.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "check.h"

#define N	5000
#define SZ	100

int
main(void)
{
	struct arena	*a;
	unsigned char	*p[N];
	size_t		 i, j, bad = 0;

	a = arena_new();
	for (i = 0; i < N; i++) {
		p[i] = arena_alloc(a, SZ);
		memset(p[i], (int)(i & 0xff), SZ);
	}
	for (i = 0; i < N; i++)
		for (j = 0; j < SZ; j++)
			if (p[i][j] != (unsigned char)(i & 0xff))
				bad++;
	CHECK(bad == 0);
	CHECK(arena_used(a) == (size_t)N * SZ);
	arena_free(a);
	return CHECK_DONE();
}
