/*
 * Pairs are checked left to right and the first failure wins.
 */
#include <stddef.h>

#include "arena.h"
#include "form.h"
#include "check.h"
#include "form-status.h"

int
main(void)
{
	struct arena		*a;
	struct form_limits	 lim = { 2, 4, 4 };

	a = arena_new();
	CHECK(st(a, "a=%zz&b=%C0%AF", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%C0%AF&b=%zz", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "abcdefgh=%zz", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=%zz&b=1&c=1", &lim) == FORM_BAD_ENCODING);
	CHECK(st(a, "k=1&b=1&c=%zz", &lim) == FORM_TOO_MANY);
	arena_free(a);
	return CHECK_DONE();
}
