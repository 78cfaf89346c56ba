/*
 * A JSON object with more members than fields_max is a 413 that says
 * so (too_many_fields), as an urlencoded body would be.
 */
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	static const char ten[] = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,"
	    "\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10}";
	static const char eleven[] = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,"
	    "\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11}";
	const char	*d;

	CHECK(post(ten, sizeof(ten) - 1, &d) == HTTP_OK);
	CHECK(post(eleven, sizeof(eleven) - 1, &d) == HTTP_PAYLOAD_TOO_LARGE);
	CHECK_STR(d, "error_detail.too_many_fields");
	return CHECK_DONE();
}
