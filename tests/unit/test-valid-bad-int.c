/*
 * Non-integers are valid.not_integer: empty, bare sign, spaces, decimals,
 * hex, exponents.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "valid.h"
#include "check.h"
#include "valid-why.h"

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
