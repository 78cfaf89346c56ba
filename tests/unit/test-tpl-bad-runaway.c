/*
 * A render that would never end in practice (sections nested 40 deep
 * over a two-element list: 2^40 passes) fails with a limit error instead,
 * and leaves out as it was.
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
	struct buf	 src, out;
	json_t		*m;
	char		 err[256];
	int		 i;

	buf_init(&src);
	buf_init(&out);
	for (i = 0; i < 40; i++)
		buf_puts(&src, "{{#a}}");
	buf_puts(&src, "x");
	for (i = 0; i < 40; i++)
		buf_puts(&src, "{{/a}}");
	m = json_pack("{s:[i,i]}", "a", 1, 2);
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "bomb", buf_str(&src), src.len, err,
	    sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	err[0] = '\0';
	CHECK(tpl_render(s, "bomb", m, &out, err, sizeof(err)) == -1);
	CHECK(strncmp(err, "bomb:1: render visits more than", 31) == 0);
	CHECK(out.len == 0);
	tpl_set_free(s);
	json_decref(m);
	buf_free(&src);
	buf_free(&out);
	return CHECK_DONE();
}
