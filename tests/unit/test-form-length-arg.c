/*
 * Only s[0..len) is read; the input need not be NUL-terminated.
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
	char			 s[7];

	memcpy(s, "a=1&b=2", sizeof(s));	/* no NUL */
	a = arena_new();
	CHECK(form_parse(a, s, 3, NULL, &p, &n) == FORM_OK);
	CHECK(n == 1);
	if (n == 1)
		CHECK_STR(p[0].val, "1");
	CHECK(form_parse(a, s, sizeof(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 2);
	if (n == 2)
		CHECK_STR(p[1].val, "2");
	/* A '%' cut off by len is truncated, whatever follows in memory. */
	CHECK(form_parse(a, "a=%41", 4, NULL, &p, &n) == FORM_BAD_ENCODING);
	arena_free(a);
	return CHECK_DONE();
}
