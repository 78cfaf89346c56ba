/*
 * A '%' not followed by two hex digits is bad encoding.
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
	CHECK(st(a, "a=%zz", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%G1", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%1G", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%%41", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=% 1", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "%-1=x", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%+1", NULL) == FORM_BAD_ENCODING);
	arena_free(a);
	return CHECK_DONE();
}
