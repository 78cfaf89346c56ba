/*
 * Integers print in decimal, reals in their shortest exact form, booleans
 * as words, null as nothing; output is appended to what out held.
 */
#include <jansson.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"
#include "tpl-render.h"

int
main(void)
{
	struct buf	 out;
	json_t		*m;
	const char	*src = "{{i}} {{n}} {{r}} {{big}} {{t}} {{f}} [{{z}}]";

	buf_init(&out);
	buf_puts(&out, ">");
	m = json_pack("{s:I, s:I, s:f, s:f, s:b, s:b, s:n}", "i",
	    (json_int_t)42, "n", (json_int_t)-7, "r", 1.21, "big", 0.1 + 0.2,
	    "t", 1, "f", 0, "z");
	CHECK_STR(render(TPL_STRICT, src, m, &out),
	    ">42 -7 1.21 0.30000000000000004 true false []");
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
