/*
 * arena_strndup() reads exactly len bytes, so its source need not be
 * NUL-terminated (a FastCGI parameter slice, a body part); the copy is.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;
	char		*src, *p;

	a = arena_new();
	/* Exactly five bytes on the heap, no NUL after them. */
	src = malloc(5);
	if (src == NULL)
		return 1;
	memcpy(src, "abcde", 5);
	p = arena_strndup(a, src, 5);
	CHECK_STR(p, "abcde");
	p = arena_strndup(a, src + 2, 3);
	CHECK_STR(p, "cde");
	free(src);
	arena_free(a);
	return CHECK_DONE();
}
