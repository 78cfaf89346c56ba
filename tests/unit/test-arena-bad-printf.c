/*
 * A conversion vsnprintf() refuses (a wide character the C locale cannot
 * encode) gives an empty string rather than garbage or NULL.
 */
#include <stddef.h>
#include <wchar.h>

#include "arena.h"
#include "check.h"

int
main(void)
{
	static const wchar_t	 wide[] = { 0x00e9, 0 };
	struct arena		*a;
	const char		*p;

	a = arena_new();
	p = arena_printf(a, "x%lsy", wide);
	CHECK(p != NULL);
	CHECK_STR(p, "");
	/* The arena is still fine afterwards. */
	CHECK_STR(arena_printf(a, "%d", 5), "5");
	arena_free(a);
	return CHECK_DONE();
}
