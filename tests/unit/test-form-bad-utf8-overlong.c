/*
 * Overlong UTF-8 forms are rejected.
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
	CHECK(st(a, "a=%C0%AF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%C1%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%E0%80%AF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%E0%9F%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%F0%80%80%AF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%F0%8F%BF%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%C0%80", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
