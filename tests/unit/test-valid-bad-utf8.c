/*
 * valid_utf8 refuses overlong forms, surrogates, truncated sequences,
 * stray continuation bytes, values past U+10FFFF and NUL.
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
	CHECK(!valid_utf8("\xc0\x80", 2));		/* overlong NUL */
	CHECK(!valid_utf8("\xc1\xbf", 2));
	CHECK(!valid_utf8("\xe0\x9f\xbf", 3));
	CHECK(!valid_utf8("\xf0\x8f\xbf\xbf", 4));
	CHECK(!valid_utf8("\xed\xa0\x80", 3));		/* U+D800 */
	CHECK(!valid_utf8("\xed\xbf\xbf", 3));		/* U+DFFF */
	CHECK(!valid_utf8("\xf4\x90\x80\x80", 4));	/* U+110000 */
	CHECK(!valid_utf8("\xf5\x80\x80\x80", 4));
	CHECK(!valid_utf8("\xf8\x88\x80\x80\x80", 5));
	CHECK(!valid_utf8("\xfe", 1));
	CHECK(!valid_utf8("\xff", 1));
	CHECK(!valid_utf8("\x80", 1));
	CHECK(!valid_utf8("a\xbf" "b", 3));
	CHECK(!valid_utf8("\xe2\x82", 2));		/* truncated at end */
	CHECK(!valid_utf8("\xe2\x82\xac", 2));		/* cut by len */
	CHECK(!valid_utf8("\xe2\x82" "a", 3));		/* truncated inside */
	CHECK(!valid_utf8("\xf0\x9f\x8c", 3));
	CHECK(!valid_utf8("\xc3", 1));
	CHECK(!valid_utf8("a\0b", 3));
	CHECK(!valid_utf8("\0", 1));
	return CHECK_DONE();
}
