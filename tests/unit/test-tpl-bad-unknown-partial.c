/*
 * In TPL_STRICT linking fails on a partial or parent that names no
 * template, with "template:line:" and the name.
 */
#include <string.h>

#include "tpl.h"
#include "check.h"

int
main(void)
{
	struct tpl_set	*s;
	struct buf	 out;
	char		 err[256];
	const char	*a = "<nav>\n{{>partials/menu}}\n";
	const char	*b = "{{<layuot}}{{/layuot}}";

	buf_init(&out);
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "site/home", a, strlen(a), err,
	    sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == -1);
	CHECK_STR(err, "site/home:2: unknown partial \"partials/menu\"");
	CHECK(tpl_render(s, "site/home", NULL, &out, err, sizeof(err)) == -1);
	tpl_set_free(s);

	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "page", b, strlen(b), err, sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == -1);
	CHECK_STR(err, "page:1: unknown parent \"layuot\"");
	tpl_set_free(s);
	buf_free(&out);
	return CHECK_DONE();
}
