/*
 * A block written at the page's left margin comes out at the layout's
 * indentation, and a standalone partial inside it follows along.
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

	buf_init(&out);
	m = json_pack("{s:[s,s]}", "items", "a", "b");
	s = tpl_set_new(TPL_STRICT);
	add(s, "layout", "<body>\n  <main>\n    {{$body}}{{/body}}\n"
	    "  </main>\n</body>\n");
	add(s, "partials/list", "<ul>\n{{#items}}\n  <li>{{.}}</li>\n"
	    "{{/items}}\n</ul>\n");
	add(s, "page", "{{<layout}}\n{{$body}}\n<h1>Hi</h1>\n"
	    "{{>partials/list}}\n{{/body}}\n{{/layout}}\n");
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "page", m, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out), "<body>\n  <main>\n    <h1>Hi</h1>\n"
	    "    <ul>\n      <li>a</li>\n      <li>b</li>\n    </ul>\n"
	    "  </main>\n</body>\n");
	tpl_set_free(s);
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
