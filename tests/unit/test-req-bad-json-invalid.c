/*
 * A body that is not JSON, or JSON with something after it, is a 400.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	static const char *const bad[] = {
		"{", "{\"a\": }", "{'a': 1}", "{\"a\": 1,}", "{\"a\": 1} x",
		"{\"a\": 1}{}", "{a: 1}", "{\"a\": 01}", "{\"a\": NaN}",
		"title=x", "{\"a\": \"\\u0000\"}", "{\"a\": \"\\uD800\"}",
		NULL
	};
	const char	*d;
	size_t		 i;

	for (i = 0; bad[i] != NULL; i++) {
		if (post(bad[i], strlen(bad[i]), &d) != HTTP_BAD_REQUEST) {
			fprintf(stderr, "accepted: %s\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK(post("{\"a\": 1}\x00", 9, &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_json");
	return CHECK_DONE();
}
