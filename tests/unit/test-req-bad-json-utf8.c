/*
 * Invalid UTF-8 anywhere in a JSON body is a 400: in a value, in a key,
 * overlong or a raw surrogate.
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
		"{\"title\": \"caf\xe9\"}",
		"{\"t\xff\": \"x\"}",
		"{\"title\": \"\xc0\xaf\"}",
		"{\"title\": \"\xed\xa0\x80\"}",
		"{\"title\": \"\xe2\x82\"}",
		"{\"title\": \"\xf4\x90\x80\x80\"}",
		NULL
	};
	const char	*d;
	size_t		 i;

	for (i = 0; bad[i] != NULL; i++) {
		if (post(bad[i], strlen(bad[i]), &d) != HTTP_BAD_REQUEST) {
			fprintf(stderr, "accepted #%zu\n", i);
			CHECK(0);
		}
	}
	CHECK(post("{\"title\": \"caf\xc3\xa9\"}", 18, &d) == HTTP_OK);
	return CHECK_DONE();
}
