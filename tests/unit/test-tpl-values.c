/*
 * Integers print in decimal, reals in their shortest exact form, booleans
 * as words, null as nothing; output is appended to what out held.
 */
#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"

int
main(void)
{
	struct tpl_set	*s;
	struct buf	 out;
	json_t		*m;
	char		 err[256];
	const char	*src = "{{i}} {{n}} {{r}} {{big}} {{t}} {{f}} [{{z}}]";

	buf_init(&out);
	buf_puts(&out, ">");
	m = json_pack("{s:I, s:I, s:f, s:f, s:b, s:b, s:n}", "i",
	    (json_int_t)42, "n", (json_int_t)-7, "r", 1.21, "big", 0.1 + 0.2,
	    "t", 1, "f", 0, "z");
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "t", src, strlen(src), err, sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "t", m, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out),
	    ">42 -7 1.21 0.30000000000000004 true false []");
	tpl_set_free(s);
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
