/*
 * A tag whose closing delimiter never comes fails tpl_set_add with the
 * line the tag starts on.
 */
#include <string.h>

#include "tpl.h"
#include "check.h"

int
main(void)
{
	struct tpl_set	*s;
	char		 err[256];
	const char	*a = "line 1\nline {{name\n3\n";
	const char	*b = "{{{raw}}";
	const char	*c = "{{=<% %>=}}\n<%x}}";

	s = tpl_set_new(TPL_SPEC);
	CHECK(tpl_set_add(s, "t", a, strlen(a), err, sizeof(err)) == -1);
	CHECK_STR(err, "t:2: unclosed tag");
	CHECK(tpl_set_add(s, "t", b, strlen(b), err, sizeof(err)) == -1);
	CHECK_STR(err, "t:1: unclosed tag");
	CHECK(tpl_set_add(s, "t", c, strlen(c), err, sizeof(err)) == -1);
	CHECK_STR(err, "t:2: unclosed tag");
	CHECK(tpl_set_add(s, "t", "{{", 2, err, sizeof(err)) == -1);
	CHECK_STR(err, "t:1: unclosed tag");
	tpl_set_free(s);
	return CHECK_DONE();
}
