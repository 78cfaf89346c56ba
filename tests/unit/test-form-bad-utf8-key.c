/*
 * A key that is not UTF-8 is rejected like a value.
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

	a = arena_new();
	CHECK(st(a, "%C0%AF=1", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "%FF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "ok=1&%ED%A0%80=2", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "\x80=1", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
