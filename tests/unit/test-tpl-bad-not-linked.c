/*
 * Rendering needs a linked set: before tpl_set_link, and after an add
 * that came later, tpl_render fails; so does an unknown template name.
 */
#include <string.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"

int
main(void)
{
	struct tpl_set	*s;
	struct buf	 out;
	char		 err[256];

	buf_init(&out);
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "a", "A", 1, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "a", NULL, &out, err, sizeof(err)) == -1);
	CHECK_STR(err, "a: templates not linked");
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "a", NULL, &out, err, sizeof(err)) == 0);
	CHECK(tpl_set_add(s, "b", "B", 1, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "a", NULL, &out, err, sizeof(err)) == -1);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "nope", NULL, &out, err, sizeof(err)) == -1);
	CHECK_STR(err, "nope: no such template");
	CHECK_STR(buf_str(&out), "A");
	tpl_set_free(s);
	buf_free(&out);
	return CHECK_DONE();
}
