/*
 * Spaces and tabs around names, values and separators are trimmed; inner
 * spaces stay.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "cookie.h"
#include "check.h"

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;

	a = arena_new();
	CHECK(cookie_parse(a, "  a  =  1  ;\tb\t=\t2\t;c=hello world ;  ",
	    &p, &n) == COOKIE_OK);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(p[0].key, "a");
		CHECK(p[0].keylen == 1);
		CHECK_STR(p[0].val, "1");
		CHECK(p[0].vallen == 1);
		CHECK_STR(p[1].key, "b");
		CHECK_STR(p[1].val, "2");
		CHECK_STR(p[2].val, "hello world");
	}
	arena_free(a);
	return CHECK_DONE();
}
