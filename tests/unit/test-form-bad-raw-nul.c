/*
 * A raw NUL byte inside s[0..len) is bad encoding.
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
	static const char	 s1[] = "a=x\0y", s2[] = "a\0=1";

	a = arena_new();
	CHECK(form_parse(a, s1, sizeof(s1) - 1, NULL, &p, &n) ==
	    FORM_BAD_ENCODING);
	CHECK(p == NULL && n == 0);
	CHECK(form_parse(a, s2, sizeof(s2) - 1, NULL, &p, &n) ==
	    FORM_BAD_ENCODING);
	arena_free(a);
	return CHECK_DONE();
}
