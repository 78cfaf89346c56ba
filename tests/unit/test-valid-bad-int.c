/*
 * Non-integers are valid.not_integer: empty, bare sign, spaces, decimals,
 * hex, exponents.
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
	static const struct field	 f = { "n", NULL, 0, 0, NULL };

	CHECK_STR(why(valid_int, &f, S("")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("-")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("+")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("1.5")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S(" 1")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("1 ")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("0x10")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("1e3")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("--1")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("+-1")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("1,000")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("\xd9\xa3")), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, "1\0", 2), "valid.not_integer");
	CHECK_STR(why(valid_int, &f, S("99999999999999999999x")),
	    "valid.not_integer");
	return CHECK_DONE();
}
