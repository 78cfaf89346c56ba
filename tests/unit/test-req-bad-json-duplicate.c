/*
 * A JSON object naming a key twice is a 400, at the top or nested: which
 * one counts would otherwise depend on the parser.
 */
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	static const char top[] =
	    "{\"role\": \"cliente\", \"role\": \"admin\"}";
	static const char nested[] = "{\"a\": {\"b\": 1, \"b\": 2}}";
	const char	*d;

	CHECK(post(top, sizeof(top) - 1, &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_json");
	CHECK(post(nested, sizeof(nested) - 1, &d) == HTTP_BAD_REQUEST);
	return CHECK_DONE();
}
