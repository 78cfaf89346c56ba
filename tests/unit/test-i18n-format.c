/*
 * i18n_format() replaces every "{min}" and "{max}" in the message with
 * the numbers; a message without braces comes back as it is.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	struct arena	*a;

	CHECK(i18n_load("tests/unit/fixtures/i18n") == 0);
	a = arena_new();
	CHECK_STR(i18n_format(a, "es", "valid.too_short", 3, 0),
	    "Escribe al menos 3 caracteres.");
	CHECK_STR(i18n_format(a, "en", "valid.between", 2, 200),
	    "Between 2 and 200, 2 at least.");
	CHECK_STR(i18n_format(a, "en", "valid.between", -5,
	    9223372036854775807LL),
	    "Between -5 and 9223372036854775807, -5 at least.");
	CHECK_STR(i18n_format(a, "en", "valid.required", 1, 2),
	    "This field is required.");
	/* A missing key is formatted as itself. */
	CHECK_STR(i18n_format(a, "en", "no.such", 1, 2), "no.such");
	arena_free(a);
	i18n_free();
	return CHECK_DONE();
}
