/*
 * A JSON body must be an object: an array, a string or a number at the
 * top is a 400.
 */
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	const char	*d;

	CHECK(post("[1, 2]", 6, &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_json");
	CHECK(post("[{\"title\": \"x\"}]", 16, &d) == HTTP_BAD_REQUEST);
	CHECK(post("\"title\"", 7, &d) == HTTP_BAD_REQUEST);
	CHECK(post("42", 2, &d) == HTTP_BAD_REQUEST);
	CHECK(post("null", 4, &d) == HTTP_BAD_REQUEST);
	CHECK(post("{}", 2, &d) == HTTP_OK);
	return CHECK_DONE();
}
