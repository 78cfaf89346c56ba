/*
 * A decoded key longer than max_key is FORM_TOO_LONG.
 */
#include "arena.h"
#include "form.h"
#include "check.h"
#include "form-status.h"

int
main(void)
{
	struct arena		*a;
	struct form_limits	 lim = { 0, 4, 0 };

	a = arena_new();
	CHECK(st(a, "abcde=1", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "abcde", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "a=1&bcdef=2", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "%41%41%41%41%41=1", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "a+b+c=1", &lim) == FORM_TOO_LONG);
	CHECK(st(a, "%C3%A9%C3%A9%C3%A9=1", &lim) == FORM_TOO_LONG);
	arena_free(a);
	return CHECK_DONE();
}
