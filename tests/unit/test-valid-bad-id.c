/*
 * valid_id refuses 0, leading zeros, signs, non-digits and values past
 * INT64_MAX.
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

	CHECK_STR(why(valid_id, NULL, S("0")), "valid.out_of_range");
	CHECK_STR(why(valid_id, NULL, S("01")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("00")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("007")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("-1")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("+1")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("1a")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("1 ")), "valid.not_integer");
	CHECK_STR(why(valid_id, NULL, S("9223372036854775808")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_id, NULL, S("99999999999999999999")),
	    "valid.out_of_range");
	CHECK_STR(why(valid_id, NULL, "12", 0), "valid.not_integer");
	return CHECK_DONE();
}
