/*
 * {{x}} escapes exactly & < > " ' ; {{{x}}} and {{&x}} write the value
 * as it is.
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
	const char	*src = "{{x}}|{{{x}}}|{{&x}}|{{ x }}";

	buf_init(&out);
	m = json_pack("{s:s}", "x", "<a href=\"/?a=1&b='2'\">é</a>");
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "t", src, strlen(src), err, sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "t", m, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out),
	    "&lt;a href=&quot;/?a=1&amp;b=&#39;2&#39;&quot;&gt;é&lt;/a&gt;|"
	    "<a href=\"/?a=1&b='2'\">é</a>|"
	    "<a href=\"/?a=1&b='2'\">é</a>|"
	    "&lt;a href=&quot;/?a=1&amp;b=&#39;2&#39;&quot;&gt;é&lt;/a&gt;");
	tpl_set_free(s);
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
