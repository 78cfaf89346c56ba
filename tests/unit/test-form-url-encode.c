/*
 * url_encode keeps RFC 3986 unreserved characters, escapes the rest in
 * upper-case hex, appends, and returns the bytes added.
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
	struct buf	 b;

	buf_init(&b);
	CHECK(url_encode(&b, "") == 0);
	CHECK_STR(buf_str(&b), "");
	CHECK(url_encode(&b, "AZaz09-._~") == 10);
	CHECK_STR(buf_str(&b), "AZaz09-._~");
	buf_reset(&b);
	buf_puts(&b, "/search?q=");
	CHECK(url_encode(&b, "a b&c=d/e?f#g+h%") == 32);
	CHECK_STR(buf_str(&b),
	    "/search?q=a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25");
	buf_reset(&b);
	CHECK(url_encode(&b, "\xc3\x81gora\x01\x7f\xff") == 19);
	CHECK_STR(buf_str(&b), "%C3%81gora%01%7F%FF");
	buf_free(&b);
	return CHECK_DONE();
}
