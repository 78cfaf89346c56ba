/*
 * Exactly max_fields pairs and keys/values of exactly max_key/max_value
 * decoded bytes are accepted.
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
	struct form_limits	 lim = { 3, 4, 5 };
	const char		*s;

	a = arena_new();
	s = "abcd=12345&b=2&&c=3&";
	CHECK(form_parse(a, s, strlen(s), &lim, &p, &n) == FORM_OK);
	CHECK(n == 3);
	/* Lengths are decoded bytes: "%41%41%41%41" is 4 bytes, "+++++" 5. */
	s = "%41%41%41%41=+++++";
	CHECK(form_parse(a, s, strlen(s), &lim, &p, &n) == FORM_OK);
	CHECK(n == 1);
	if (n == 1) {
		CHECK_STR(p[0].key, "AAAA");
		CHECK_STR(p[0].val, "     ");
	}
	/* A 2-byte character counts as 2 bytes: 2 of them make 4 <= 5. */
	s = "k=%C3%A9%C3%A9";
	CHECK(form_parse(a, s, strlen(s), &lim, &p, &n) == FORM_OK);
	arena_free(a);
	return CHECK_DONE();
}
