/*
 * Input is decoded exactly once: "%2541" is "%41", not "A", and "%252"
 * is "%2", so double-encoded input cannot sneak past later checks.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;
	const char		*s = "a=%2541&b=%252&c=%2B%2b";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(p[0].val, "%41");
		CHECK_STR(p[1].val, "%2");
		CHECK_STR(p[2].val, "++");
	}
	arena_free(a);
	return CHECK_DONE();
}
