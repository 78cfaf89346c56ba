/*
 * Code points above U+10FFFF and the lead bytes F5..FF are rejected.
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
	CHECK(st(a, "a=%F4%90%80%80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%F5%80%80%80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%F8%88%80%80%80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%FE", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%FF", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
