/*
 * arena_printf() formats into the arena, short or longer than a block;
 * arena_strdup() and arena_strndup() copy and terminate.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;
	char		*p, *big;
	size_t		 i;

	a = arena_new();
	CHECK_STR(arena_printf(a, "%s/%lld", "/events", 42LL), "/events/42");
	CHECK_STR(arena_printf(a, "%s", ""), "");
	CHECK_STR(arena_printf(a, "%05d|%-3s|%x", 7, "ab", 255),
	    "00007|ab |ff");
	CHECK_STR(arena_strdup(a, "Ágora"), "Ágora");
	CHECK_STR(arena_strndup(a, "events/new", 6), "events");
	p = arena_strndup(a, "abc", 0);
	CHECK_STR(p, "");

	/* 100 kB of output: more than one block. */
	big = arena_alloc(a, 100001);
	for (i = 0; i < 100000; i++)
		big[i] = (char)('a' + i % 26);
	p = arena_printf(a, "<%s>", big);
	CHECK(strlen(p) == 100002);
	CHECK(p[0] == '<' && p[100001] == '>');
	CHECK(memcmp(p + 1, big, 100000) == 0);
	arena_free(a);
	return CHECK_DONE();
}
