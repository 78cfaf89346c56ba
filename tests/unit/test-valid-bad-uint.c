/*
 * valid_uint refuses signs, non-digits and values past INT64_MAX or its
 * bounds.
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
	static const struct field	 f = { "n", NULL, 0, 50, NULL };

	CHECK_STR(why(valid_uint, &f, S("-1")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("+1")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("-0")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("1a")), "valid.not_integer");
	CHECK_STR(why(valid_uint, &f, S("9223372036854775808")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_uint, &f, S("18446744073709551615")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_uint, &f, S("51")), "valid.out_of_range");
	CHECK_STR(why(valid_uint, &f, S("0")), "ok");
	CHECK_STR(why(valid_uint, &f, S("50")), "ok");
	return CHECK_DONE();
}
