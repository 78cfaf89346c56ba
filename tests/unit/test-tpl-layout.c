/*
 * A page extends the layout: its {{$body}} replaces the layout's default,
 * a block it does not pass keeps the layout's default, and a page that
 * passes nothing gets every default.
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
	m = json_pack("{s:s}", "title", "Events");
	s = tpl_set_new(TPL_STRICT);
	add(s, "layout", "<title>{{$title}}Ágora{{/title}}</title>\n"
	    "<main>\n{{$body}}default{{/body}}\n</main>\n");
	add(s, "page",
	    "{{<layout}}{{$body}}X {{title}}{{/body}}{{/layout}}\n");
	add(s, "empty", "{{<layout}}{{/layout}}\n");
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "page", m, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out),
	    "<title>Ágora</title>\n<main>\nX Events\n</main>\n");
	buf_reset(&out);
	CHECK(tpl_render(s, "empty", m, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out),
	    "<title>Ágora</title>\n<main>\ndefault\n</main>\n");
	tpl_set_free(s);
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
