/*
 * A NULL limits pointer applies the FORM_DEFAULT_* limits.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

#include "buf.h"

int
main(void)
{
	struct arena		*a;
	struct form_pair	*p;
	size_t			 n;
	struct buf		 b;
	int			 i;

	a = arena_new();
	buf_init(&b);
	for (i = 0; i < FORM_DEFAULT_FIELDS; i++)
		buf_puts(&b, "k=v&");
	CHECK(form_parse(a, b.data, b.len, NULL, &p, &n) == FORM_OK);
	CHECK(n == FORM_DEFAULT_FIELDS);
	buf_puts(&b, "k=v");
	CHECK(form_parse(a, b.data, b.len, NULL, &p, &n) == FORM_TOO_MANY);

	buf_reset(&b);
	for (i = 0; i < FORM_DEFAULT_KEY; i++)
		buf_putc(&b, 'k');
	CHECK(form_parse(a, b.data, b.len, NULL, &p, &n) == FORM_OK);
	buf_putc(&b, 'k');
	CHECK(form_parse(a, b.data, b.len, NULL, &p, &n) == FORM_TOO_LONG);

	buf_reset(&b);
	buf_puts(&b, "k=");
	for (i = 0; i < FORM_DEFAULT_VALUE; i++)
		buf_putc(&b, 'v');
	CHECK(form_parse(a, b.data, b.len, NULL, &p, &n) == FORM_OK);
	buf_putc(&b, 'v');
	CHECK(form_parse(a, b.data, b.len, NULL, &p, &n) == FORM_TOO_LONG);
	buf_free(&b);
	arena_free(a);
	return CHECK_DONE();
}
