/*
 * Only the first '=' splits, so base64 padding survives.
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
	CHECK(cookie_parse(a, "tok=YWJj==; k=a=b", &p, &n) == COOKIE_OK);
	CHECK_STR(cookie_get(p, n, "tok"), "YWJj==");
	CHECK_STR(cookie_get(p, n, "k"), "a=b");
	arena_free(a);
	return CHECK_DONE();
}
