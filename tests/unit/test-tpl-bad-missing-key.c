/*
 * In TPL_STRICT a failed lookup in {{x}}, {{{x}}} or {{&x}} fails the
 * render with "template:line:" and the key, and leaves out as it was.
 */
#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"

static void
try(const char *src, const char *want)
{
	struct tpl_set	*s;
	struct buf	 out;
	json_t		*m;
	char		 err[256];

	buf_init(&out);
	buf_puts(&out, "kept");
	m = json_pack("{s:{s:s}}", "user", "name", "ana");
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "site/home", src, strlen(src), err,
	    sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	err[0] = '\0';
	CHECK(tpl_render(s, "site/home", m, &out, err, sizeof(err)) == -1);
	CHECK_STR(err, want);
	CHECK_STR(buf_str(&out), "kept");
	tpl_set_free(s);
	json_decref(m);
	buf_free(&out);
}

int
main(void)
{
	try("hi {{user.name}}\n{{titel}}",
	    "site/home:2: no value for \"titel\"");
	try("{{{user.mail}}}", "site/home:1: no value for \"user.mail\"");
	try("\n\n{{#user}}{{&nick}}{{/user}}",
	    "site/home:3: no value for \"nick\"");
	return CHECK_DONE();
}
