/*
 * A lone '%' is bad encoding.
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
	CHECK(st(a, "%", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "%=1", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=1&b=%", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=%&b=1", NULL) == FORM_BAD_ENCODING);
	arena_free(a);
	return CHECK_DONE();
}
