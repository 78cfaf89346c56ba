/*
 * In TPL_STRICT a missing key in a section or inverted section is simply
 * false: no error.  "" and [] are false too.
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
	const char	*src =
	    "{{#missing}}A{{/missing}}{{^missing}}B{{/missing}}"
	    "{{#a.b.c}}C{{/a.b.c}}{{^a.b.c}}D{{/a.b.c}}"
	    "{{#empty}}E{{/empty}}{{^empty}}F{{/empty}}"
	    "{{#none}}G{{/none}}{{^none}}H{{/none}}"
	    "{{#zero}}{{.}}{{/zero}}";

	buf_init(&out);
	m = json_pack("{s:{}, s:s, s:[], s:i}", "a", "empty", "", "none",
	    "zero", 0);
	CHECK_STR(render(TPL_STRICT, src, m, &out), "BDFH0");
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
