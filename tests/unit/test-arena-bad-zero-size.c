/*
 * A zero-byte allocation still returns a distinct, usable pointer, so
 * callers never see NULL from the arena.
 */
#include <stddef.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;
	char		*p, *q;

	a = arena_new();
	p = arena_alloc(a, 0);
	q = arena_alloc(a, 0);
	CHECK(p != NULL);
	CHECK(q != NULL);
	CHECK(p != q);
	CHECK(p[0] == 0);
	arena_free(a);
	return CHECK_DONE();
}
