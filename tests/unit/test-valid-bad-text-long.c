/*
 * Text longer than max is valid.too_long.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "valid.h"
#include "check.h"
#include "valid-why.h"

#define N	"\xc3\xb1"		/* one code point, two bytes */
#define N5	N N N N N

int
main(void)
{
	static const struct field	 f = { "name", NULL, 3, 5, NULL };

	CHECK_STR(why(valid_text, &f, S("abcde")), "ok");
	CHECK_STR(why(valid_text, &f, S("abcdef")), "valid.too_long");
	CHECK_STR(why(valid_text, &f, S(N5 N)), "valid.too_long");
	CHECK_STR(why(valid_text, &f, S(N5)), "ok");
	return CHECK_DONE();
}
