/*
 * More than max_fields non-empty pairs is FORM_TOO_MANY.
 */
#include "arena.h"
#include "form.h"
#include "check.h"
#include "form-status.h"

int
main(void)
{
	struct arena		*a;
	struct form_limits	 lim = { 3, 0, 0 };

	a = arena_new();
	CHECK(st(a, "a=1&b=2&c=3&d=4", &lim) == FORM_TOO_MANY);
	CHECK(st(a, "a&b&c&d", &lim) == FORM_TOO_MANY);
	CHECK(st(a, "a=1&b=2&c=3&d", &lim) == FORM_TOO_MANY);
	CHECK(st(a, "&a&&b&&c&&d&&", &lim) == FORM_TOO_MANY);
	arena_free(a);
	return CHECK_DONE();
}
