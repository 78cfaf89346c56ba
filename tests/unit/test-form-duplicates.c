/*
 * Duplicate keys are all kept, in input order.
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
	const char		*s = "tag=a&x=1&tag=b&tag=c";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 4);
	if (n == 4) {
		CHECK_STR(p[0].val, "a");
		CHECK_STR(p[1].key, "x");
		CHECK_STR(p[2].val, "b");
		CHECK_STR(p[3].key, "tag");
		CHECK_STR(p[3].val, "c");
	}
	arena_free(a);
	return CHECK_DONE();
}
