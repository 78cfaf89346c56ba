/*
 * Sections nested more than 64 deep in one template fail tpl_set_add;
 * 64 deep is fine.
 */
#include <string.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"

static int
nested(int depth, char *err, size_t errlen)
{
	struct tpl_set	*s;
	struct buf	 src;
	int		 i, rc;

	buf_init(&src);
	for (i = 0; i < depth; i++)
		buf_puts(&src, "{{#a}}\n");
	for (i = 0; i < depth; i++)
		buf_puts(&src, "{{/a}}\n");
	s = tpl_set_new(TPL_STRICT);
	rc = tpl_set_add(s, "deep", buf_str(&src), src.len, err, errlen);
	tpl_set_free(s);
	buf_free(&src);
	return rc;
}

int
main(void)
{
	char	 err[256];

	CHECK(nested(64, err, sizeof(err)) == 0);
	CHECK(nested(65, err, sizeof(err)) == -1);
	CHECK_STR(err, "deep:65: sections nested more than 64 deep");
	CHECK(nested(100000, err, sizeof(err)) == -1);
	return CHECK_DONE();
}
