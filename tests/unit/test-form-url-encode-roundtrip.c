/*
 * Every byte 1..255 survives url_encode followed by form_parse.
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
	struct buf		 b;
	size_t			 n;
	char			 raw[4];
	int			 c;

	a = arena_new();
	buf_init(&b);
	for (c = 1; c < 256; c++) {
		/* Pair each byte with a valid UTF-8 context when needed. */
		if (c < 0x80) {
			raw[0] = (char)c;
			raw[1] = '\0';
		} else if (c >= 0xc0) {
			/* Lead bytes are tested by the UTF-8 cases. */
			continue;
		} else {
			raw[0] = (char)0xc2;
			raw[1] = (char)c;
			raw[2] = '\0';
		}
		buf_reset(&b);
		buf_puts(&b, "k=");
		url_encode(&b, raw);
		CHECK(form_parse(a, b.data, b.len, NULL, &p, &n) == FORM_OK);
		CHECK(n == 1);
		if (n == 1)
			CHECK_STR(p[0].val, raw);
	}
	buf_free(&b);
	arena_free(a);
	return CHECK_DONE();
}
