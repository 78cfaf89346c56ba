/*
 * Truncated sequences and stray continuation bytes are rejected.
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
	CHECK(st(a, "a=%E2%82", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%E2%82x", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%E2", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%F0%9F%8C", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=x%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%C3", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%C3&b=%A9", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
