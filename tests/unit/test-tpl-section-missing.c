/*
 * In TPL_STRICT a missing key in a section or inverted section is simply
 * false: no error.  "" and [] are false too.
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
	const char	*src =
	    "{{#missing}}A{{/missing}}{{^missing}}B{{/missing}}"
	    "{{#a.b.c}}C{{/a.b.c}}{{^a.b.c}}D{{/a.b.c}}"
	    "{{#empty}}E{{/empty}}{{^empty}}F{{/empty}}"
	    "{{#none}}G{{/none}}{{^none}}H{{/none}}"
	    "{{#zero}}{{.}}{{/zero}}";

	buf_init(&out);
	m = json_pack("{s:{}, s:s, s:[], s:i}", "a", "empty", "", "none",
	    "zero", 0);
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "t", src, strlen(src), err, sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "t", m, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out), "BDFH0");
	tpl_set_free(s);
	json_decref(m);
	buf_free(&out);
	return CHECK_DONE();
}
