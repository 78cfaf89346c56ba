/*
 * valid_utf8 accepts well-formed UTF-8 at every sequence length and
 * boundary.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"

int
main(void)
{
	CHECK(valid_utf8("", 0));
	CHECK(valid_utf8(NULL, 0));
	CHECK(valid_utf8("ascii", 5));
	CHECK(valid_utf8("\x7f", 1));
	CHECK(valid_utf8("\xc2\x80", 2));		/* U+0080 */
	CHECK(valid_utf8("\xdf\xbf", 2));		/* U+07FF */
	CHECK(valid_utf8("\xe0\xa0\x80", 3));		/* U+0800 */
	CHECK(valid_utf8("\xed\x9f\xbf", 3));		/* U+D7FF */
	CHECK(valid_utf8("\xee\x80\x80", 3));		/* U+E000 */
	CHECK(valid_utf8("\xef\xbf\xbf", 3));		/* U+FFFF */
	CHECK(valid_utf8("\xf0\x90\x80\x80", 4));	/* U+10000 */
	CHECK(valid_utf8("\xf4\x8f\xbf\xbf", 4));	/* U+10FFFF */
	CHECK(valid_utf8("a\xc3\xb1" "b\xe2\x82\xac", 7));
	/* Only len bytes are read. */
	CHECK(valid_utf8("ok\xff", 2));
	return CHECK_DONE();
}
