/*
 * "=v" is kept with an empty key, as browsers send it.
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
	const char		*s = "=v&=";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(p[0].key, "");
		CHECK(p[0].keylen == 0);
		CHECK_STR(p[0].val, "v");
		CHECK_STR(p[1].key, "");
		CHECK_STR(p[1].val, "");
	}
	arena_free(a);
	return CHECK_DONE();
}
