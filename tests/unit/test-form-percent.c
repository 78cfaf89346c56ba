/*
 * %XX decodes in keys and values, upper- or lower-case hex.
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
	const char		*s = "%41%62=%2b%26%3D%25&x=%7e%7E";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(p[0].key, "Ab");
		CHECK(p[0].keylen == 2);
		CHECK_STR(p[0].val, "+&=%");
		CHECK(p[0].vallen == 4);
		CHECK_STR(p[1].key, "x");
		CHECK_STR(p[1].val, "~~");
	}
	arena_free(a);
	return CHECK_DONE();
}
