/*
 * Only the first '=' splits: "t=a=b" has the value "a=b".
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;
	const char		*s = "t=a=b==";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 1);
	if (n == 1) {
		CHECK_STR(p[0].key, "t");
		CHECK_STR(p[0].val, "a=b==");
	}
	arena_free(a);
	return CHECK_DONE();
}
