/*
 * Every allocation is 16-byte aligned whatever the size of the one
 * before it, in the first block and in later ones.
 */
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;
	void		*p;
	size_t		 i, sz, misaligned = 0;

	a = arena_new();
	for (i = 0; i < 3000; i++) {
		sz = 1 + (i * 7) % 61;
		p = arena_alloc(a, sz);
		if ((uintptr_t)p % 16 != 0)
			misaligned++;
		p = arena_strdup(a, "odd");
		if ((uintptr_t)p % 16 != 0)
			misaligned++;
	}
	p = arena_alloc(a, 100000);
	if ((uintptr_t)p % 16 != 0)
		misaligned++;
	p = arena_alloc(a, 3);
	if ((uintptr_t)p % 16 != 0)
		misaligned++;
	CHECK(misaligned == 0);
	arena_free(a);
	return CHECK_DONE();
}
