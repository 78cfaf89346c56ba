/*
 * In TPL_SPEC a failed lookup and an unknown partial or parent render
 * as empty, as the mustache spec says.
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
	char		 err[256];
	const char	*src = "[{{x}}|{{{y.z}}}|{{>nope}}|{{<gone}}{{/gone}}]";

	buf_init(&out);
	s = tpl_set_new(TPL_SPEC);
	CHECK(tpl_set_add(s, "t", src, strlen(src), err, sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "t", NULL, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out), "[|||]");
	tpl_set_free(s);
	buf_free(&out);
	return CHECK_DONE();
}
