/*
 * '+' decodes to a space in keys and values; "%2B" is a literal plus.
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
	const char		*s = "full+name=Ana+Mar%C3%ADa++Sol&sum=1%2B1";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(p[0].key, "full name");
		CHECK_STR(p[0].val, "Ana Mar\xc3\xad" "a  Sol");
		CHECK(p[0].vallen == strlen("Ana Mar\xc3\xad" "a  Sol"));
		CHECK_STR(p[1].val, "1+1");
	}
	arena_free(a);
	return CHECK_DONE();
}
