/*
 * valid_int applies [min, max] when either is set, inclusive.
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
	static const struct field	 f = { "qty", NULL, -5, 10, NULL };

	CHECK_STR(why(valid_int, &f, S("-5")), "ok");
	CHECK_STR(why(valid_int, &f, S("10")), "ok");
	CHECK_STR(why(valid_int, &f, S("0")), "ok");
	CHECK_STR(why(valid_int, &f, S("-6")), "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("11")), "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("9223372036854775807")),
	    "valid.out_of_range");
	return CHECK_DONE();
}
