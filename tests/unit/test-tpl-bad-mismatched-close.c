/*
 * A close tag that does not match the open section, or closes nothing,
 * fails tpl_set_add with its line.
 */
#include <string.h>

#include "tpl.h"
#include "check.h"

int
main(void)
{
	struct tpl_set	*s;
	char		 err[256];
	const char	*a = "{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}\n";
	const char	*b = "x\n{{/a}}";

	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, "t", a, strlen(a), err, sizeof(err)) == -1);
	CHECK_STR(err,
	    "t:3: close tag \"a\" does not match \"b\" from line 2");
	CHECK(tpl_set_add(s, "t", b, strlen(b), err, sizeof(err)) == -1);
	CHECK_STR(err, "t:2: close tag \"a\" without a section");
	tpl_set_free(s);
	return CHECK_DONE();
}
