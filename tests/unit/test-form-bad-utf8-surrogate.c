/*
 * UTF-8 encoded UTF-16 surrogates are rejected.
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
	CHECK(st(a, "a=%ED%A0%80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%ED%AF%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%ED%B0%80", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%ED%BF%BF", NULL) == FORM_BAD_UTF8);
	CHECK(st(a, "a=%ED%A0%BD%ED%B2%A9", NULL) == FORM_BAD_UTF8);
	arena_free(a);
	return CHECK_DONE();
}
