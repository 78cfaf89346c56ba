/*
 * A decoded value longer than max_value is FORM_TOO_LONG.
 */
#include "arena.h"
#include "form.h"
#include "check.h"
#include "form-status.h"

int
main(void)
{
	struct arena		*a;
	struct form_limits	 lim = { 0, 0, 4 };

	a = arena_new();
	CHECK(st(a, "k=abcde", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=1&j=abcdef", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=%41%41%41%41%41", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=a++++", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "k=%C3%A9%C3%A9%C3%A9", &lim) == FORM_TOO_LONG);
	arena_free(a);
	return CHECK_DONE();
}
