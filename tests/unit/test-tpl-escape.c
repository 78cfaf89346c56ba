/*
 * {{x}} escapes exactly & < > " ' ; {{{x}}} and {{&x}} write the value
 * as it is.
 */
#include <jansson.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"
#include "tpl-render.h"

int
main(void)
{
	struct buf	 out;
	json_t		*m;
	const char	*src = "{{x}}|{{{x}}}|{{&x}}|{{ x }}";

	buf_init(&out);
	m = json_pack("{s:s}", "x", "<a href=\"/?a=1&b='2'\">é</a>");
	CHECK_STR(render(TPL_STRICT, src, m, &out),
	    "&lt;a href=&quot;/?a=1&amp;b=&#39;2&#39;&quot;&gt;é&lt;/a&gt;|"
	    "<a href=\"/?a=1&b='2'\">é</a>|"
	    "<a href=\"/?a=1&b='2'\">é</a>|"
	    "&lt;a href=&quot;/?a=1&amp;b=&#39;2&#39;&quot;&gt;é&lt;/a&gt;");
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
