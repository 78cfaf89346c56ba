/*
 * form_parse splits "a=1&b=2" into two decoded pairs in order.
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
	const char		*s = "a=1&b=22";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(p[0].key, "a");
		CHECK(p[0].keylen == 1);
		CHECK_STR(p[0].val, "1");
		CHECK(p[0].vallen == 1);
		CHECK_STR(p[1].key, "b");
		CHECK_STR(p[1].val, "22");
		CHECK(p[1].vallen == 2);
	}
	arena_free(a);
	return CHECK_DONE();
}
