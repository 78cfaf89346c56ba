/*
 * Empty tags, names with whitespace and malformed dotted names fail
 * tpl_set_add.
 */
#include <string.h>

#include "tpl.h"
#include "check.h"

static void
bad(const char *src, const char *want)
{
	struct tpl_set	*s;
	char		 err[256];

	s = tpl_set_new(TPL_STRICT);
	err[0] = '\0';
	CHECK(tpl_set_add(s, "t", src, strlen(src), err, sizeof(err)) == -1);
	CHECK_STR(err, want);
	tpl_set_free(s);
}

int
main(void)
{
	bad("{{}}", "t:1: empty tag");
	bad("{{#  }}{{/}}", "t:1: empty tag");
	bad("\n{{first name}}", "t:2: bad tag name \"first name\"");
	bad("{{a..b}}", "t:1: bad dotted name \"a..b\"");
	bad("{{#.a}}{{/.a}}", "t:1: bad dotted name \".a\"");
	bad("{{a.}}", "t:1: bad dotted name \"a.\"");
	return CHECK_DONE();
}
