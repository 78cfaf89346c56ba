/*
 * A NUL byte, encoded ("%00") or raw, is bad encoding.
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
	CHECK(st(a, "a=%00", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "%00=1", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=x%00y", NULL) == FORM_BAD_ENCODING);
	CHECK(st(a, "a=1&b=%00", NULL) == FORM_BAD_ENCODING);
	arena_free(a);
	return CHECK_DONE();
}
