/*
 * Raw (unencoded) invalid UTF-8 bytes are rejected too.
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
	CHECK(st(a, "a=\xff", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=\xc3", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=\xed\xa0\x80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=\xc0\xaf", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
