/*
 * Anything else is valid.not_boolean.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"

/* A string literal and its length, embedded NULs included. */
#define S(lit)	(lit), (sizeof(lit) - 1)

/* "ok", or the reason fn gave for refusing s. */
static const char *
why(valid_fn fn, const struct field *f, const char *s, size_t len)
{
	const char	*reason = "(unset)";

	if (fn(f, s, len, &reason))
		return strcmp(reason, "(unset)") == 0 ? "ok" : "(reason set)";
	return reason;
}

int
main(void)
{

	CHECK_STR(why(valid_bool, NULL, S("")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("2")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("tru")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("truee")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S(" on")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("y")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("si")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, S("01")), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, "on\0", 3), "valid.not_boolean");
	CHECK_STR(why(valid_bool, NULL, "onx", 3), "valid.not_boolean");
	return CHECK_DONE();
}
