/*
 * A JSON number past 64 bits is valid JSON that no field takes: a 422
 * that says so, not a 400 calling the body malformed.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	static const char *const big[] = {
		"{\"type_id\": 99999999999999999999}",
		"{\"a\": -99999999999999999999}",
		"{\"a\": [1, 18446744073709551616]}",
		NULL
	};
	const char	*d;
	size_t		 i;

	for (i = 0; big[i] != NULL; i++) {
		CHECK(post(big[i], strlen(big[i]), &d) == HTTP_UNPROCESSABLE);
		CHECK_STR(d, "valid.json_number_too_big");
	}
	/* The largest that fits is a number like any other. */
	CHECK(post("{\"a\": 9223372036854775807}", 26, &d) == HTTP_OK);
	return CHECK_DONE();
}
