/*
 * Tokens with spaces, quotes, shell signs, non-ASCII or a leading "-"
 * (an option to the push command) are valid.bad_token; length is bounded.
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
	static const struct field f = { "token", valid_token, 1, 8, NULL };

	CHECK_STR(why(valid_token, &f, S("")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("-rf")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("a b")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("a;rm")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("$(x)")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("'a'")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("ñ")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("a\0b")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("a\nb")), "valid.bad_token");
	CHECK_STR(why(valid_token, &f, S("abcdefghi")), "valid.too_long");
	return CHECK_DONE();
}
