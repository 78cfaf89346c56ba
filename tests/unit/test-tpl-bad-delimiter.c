/*
 * Set-delimiter tags need two delimiters without whitespace or "=".
 */
#include <string.h>

#include "tpl.h"
#include "check.h"

static void
bad(const char *src)
{
	struct tpl_set	*s;
	char		 err[256];

	s = tpl_set_new(TPL_SPEC);
	err[0] = '\0';
	CHECK(tpl_set_add(s, "t", src, strlen(src), err, sizeof(err)) == -1);
	CHECK(strncmp(err, "t:1: ", 5) == 0);
	CHECK(strstr(err, "delimiter") != NULL);
	tpl_set_free(s);
}

int
main(void)
{
	bad("{{=<%=}}");
	bad("{{= =}}");
	bad("{{=<% %> x=}}");
	bad("{{=<= =>=}}");
	bad("{{=<%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%% %>=}}");
	return CHECK_DONE();
}
