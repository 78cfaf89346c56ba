/*
 * valid_text accepts UTF-8 text, with tabs and line breaks, and the empty
 * string when min is 0.
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
	static const struct field	 f = { "body", NULL, 0, 0, NULL };

	CHECK_STR(why(valid_text, &f, S("")), "ok");
	CHECK_STR(why(valid_text, &f, S("hola")), "ok");
	CHECK_STR(why(valid_text, &f,
	    S("l\xc3\xadnea 1\r\nl\xc3\xadnea 2\tfin")),
	    "ok");
	CHECK_STR(why(valid_text, &f, S("\xe2\x82\xac \xf0\x9f\x8c\xb9")),
	    "ok");
	CHECK_STR(why(valid_text, &f, S("\xef\xbf\xbd")), "ok");
	CHECK_STR(why(valid_text, &f, S("\xf4\x8f\xbf\xbf")), "ok");
	return CHECK_DONE();
}
