/*
 * A key with no '=' gets the value ""; so does "k=".
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
	const char		*s = "flag&x=&y";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(p[0].key, "flag");
		CHECK_STR(p[0].val, "");
		CHECK(p[0].vallen == 0);
		CHECK_STR(p[1].key, "x");
		CHECK_STR(p[1].val, "");
		CHECK_STR(p[2].key, "y");
		CHECK_STR(p[2].val, "");
	}
	arena_free(a);
	return CHECK_DONE();
}
