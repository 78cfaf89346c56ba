/*
 * Partials are linked by reference, so a partial may include itself: a
 * comment thread renders to any depth the model has.  (Leaves carry an
 * empty "replies": without it the lookup would climb the context stack
 * and find the parent's.)
 */
#include <jansson.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"
#include "tpl-render.h"

int
main(void)
{
	struct tpl_set	*s;
	struct buf	 out;
	json_t		*m;
	char		 err[256];
	const char	*node = "({{text}}{{#replies}}{{>node}}{{/replies}})";
	const char	*page = "{{#thread}}{{>node}}{{/thread}}";

	buf_init(&out);
	m = json_loads("{\"thread\":[{\"text\":\"a\",\"replies\":["
	    "{\"text\":\"b\",\"replies\":[{\"text\":\"c\",\"replies\":[]}]},"
	    "{\"text\":\"d\",\"replies\":[]}]}]}", 0, NULL);
	s = tpl_set_new(TPL_STRICT);
	add(s, "node", node);
	add(s, "page", page);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "page", m, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out), "(a(b(c))(d))");
	tpl_set_free(s);
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
