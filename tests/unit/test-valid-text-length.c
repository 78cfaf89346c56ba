/*
 * Text length is counted in code points: max 2 takes two multi-byte
 * characters, not three.
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
	static const struct field	 f = { "code", NULL, 0, 2, NULL };

	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xa9")), "ok");
	CHECK_STR(why(valid_text, &f, S("\xf0\x9f\x8c\xb9\xf0\x9f\x8c\xb9")),
	    "ok");
	CHECK_STR(why(valid_text, &f, S("ab")), "ok");
	CHECK_STR(why(valid_text, &f, S("a")), "ok");
	CHECK_STR(why(valid_text, &f, S("\xc3\xb1\xc3\xa9" "a")),
	    "valid.too_long");
	CHECK_STR(why(valid_text, &f, S("abc")), "valid.too_long");
	CHECK_STR(why(valid_text, &f,
	    S("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac")),
	    "valid.too_long");
	return CHECK_DONE();
}
