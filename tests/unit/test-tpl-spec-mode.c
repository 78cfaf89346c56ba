/*
 * In TPL_SPEC a failed lookup and an unknown partial or parent render
 * as empty, as the mustache spec says.
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
	const char	*src = "[{{x}}|{{{y.z}}}|{{>nope}}|{{<gone}}{{/gone}}]";

	buf_init(&out);
	CHECK_STR(render(TPL_SPEC, src, NULL, &out), "[|||]");
	buf_free(&out);
	return CHECK_DONE();
}
