/*
 * arena_strndup() copies NUL bytes inside the length as they are and adds
 * its own NUL at the end.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;
	char		*p;

	a = arena_new();
	p = arena_strndup(a, "ab\0cd", 5);
	CHECK(memcmp(p, "ab\0cd\0", 6) == 0);
	CHECK_STR(p, "ab");
	CHECK(arena_used(a) == 6);
	arena_free(a);
	return CHECK_DONE();
}
