/*
 * A section that is never closed fails tpl_set_add with the line where
 * it opened.
 */
#include <string.h>

#include "tpl.h"
#include "check.h"

int
main(void)
{
	struct tpl_set	*s;
	char		 err[256];
	const char	*src = "<ul>\n{{#items}}\n  <li>{{.}}</li>\n</ul>\n";

	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "events/list", src, strlen(src), err,
	    sizeof(err)) == -1);
	CHECK_STR(err, "events/list:2: unclosed section \"items\"");
	CHECK(!tpl_set_has(s, "events/list"));
	tpl_set_free(s);
	return CHECK_DONE();
}
