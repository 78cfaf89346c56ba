/*
 * Adding a template under a name already in the set replaces it; after a
 * new link, partials point at the new version.
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
	char		 err[256];

	buf_init(&out);
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "p", "old", 3, err, sizeof(err)) == 0);
	CHECK(tpl_set_add(s, "t", "[{{>p}}]", 8, err, sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "t", NULL, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out), "[old]");
	CHECK(tpl_set_add(s, "p", "new", 3, err, sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	buf_reset(&out);
	CHECK(tpl_render(s, "t", NULL, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out), "[new]");
	CHECK(tpl_set_has(s, "p"));
	CHECK(tpl_set_has(s, "t"));
	CHECK(!tpl_set_has(s, "q"));
	tpl_set_free(s);
	tpl_set_free(NULL);
	buf_free(&out);
	return CHECK_DONE();
}
