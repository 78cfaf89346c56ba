/*
 * Empty pairs ("&&", a leading or trailing '&') are skipped; an empty
 * string has no pairs.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

static size_t
count(struct arena *a, const char *s)
{
	struct form_pair	*p;
	size_t			 n;

	if (form_parse(a, s, strlen(s), NULL, &p, &n) != FORM_OK)
		return (size_t)-1;
	return n;
}

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;
	const char		*s = "&a=1&&b=2&";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(p[0].key, "a");
		CHECK_STR(p[1].key, "b");
		CHECK_STR(p[1].val, "2");
	}
	CHECK(count(a, "") == 0);
	CHECK(count(a, "&") == 0);
	CHECK(count(a, "&&&&") == 0);
	CHECK(form_parse(a, "", 0, NULL, &p, &n) == FORM_OK);
	CHECK(p == NULL && n == 0);
	arena_free(a);
	return CHECK_DONE();
}
