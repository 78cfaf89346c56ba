/*
 * Free text comes out of req_validate() in NFC: a title typed
 * decomposed is stored and counted as the same title precomposed;
 * other fields, passwords among them, are left as sent.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

enum { F_TITLE, F_LINE, F_CODE, F_SECRET, F__MAX };
static const struct field fields[F__MAX] = {
	{ "title", valid_text, 1, 4, NULL },	/* F_TITLE */
	{ "line", valid_line, 0, 10, NULL },	/* F_LINE */
	{ "code", NULL, 0, 0, NULL },		/* F_CODE */
	{ "secret", valid_secret, 1, 10, NULL },	/* F_SECRET */
};

int
main(void)
{
	struct arena	*a;
	struct req	 r;
	const char	*const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/x",
		/* "Café" as e + U+0301 (5 code points), and the line too */
		"QUERY_STRING=title=Cafe%CC%81&line=Cafe%CC%81%20y%20t%C3%A9"
		    "&code=e%CC%81&secret=e%CC%81",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	req_validate(&r, fields, F__MAX);
	/* Four code points once composed (five as sent, over the max),
	 * and the bytes are the precomposed é. */
	CHECK(r.invalid[F_TITLE] == NULL);
	CHECK_STR(req_value(&r, F_TITLE), "Caf\xc3\xa9");
	CHECK_STR(req_value(&r, F_LINE), "Caf\xc3\xa9 y t\xc3\xa9");
	CHECK_STR(req_value(&r, F_CODE), "e\xcc\x81");
	/* A password stays the bytes its hash was made from. */
	CHECK_STR(req_value(&r, F_SECRET), "e\xcc\x81");
	arena_free(a);
	return CHECK_DONE();
}
