/*
 * Encoded and raw UTF-8 (2, 3 and 4 byte sequences) is accepted.
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
	const char		*s;

	s = "ciudad=%C3%81vila&p=\xe2\x82\xac" "5&e=%F0%9F%8C%B9"
	    "&%E2%82%AC=1&max=%F4%8F%BF%BF";

	a = arena_new();
	CHECK(form_parse(a, s, strlen(s), NULL, &p, &n) == FORM_OK);
	CHECK(n == 5);
	if (n == 5) {
		CHECK_STR(p[0].val, "\xc3\x81vila");
		CHECK_STR(p[1].val, "\xe2\x82\xac" "5");
		CHECK_STR(p[2].val, "\xf0\x9f\x8c\xb9");
		CHECK(p[2].vallen == 4);
		CHECK_STR(p[3].key, "\xe2\x82\xac");
		CHECK_STR(p[4].val, "\xf4\x8f\xbf\xbf");
	}
	arena_free(a);
	return CHECK_DONE();
}
