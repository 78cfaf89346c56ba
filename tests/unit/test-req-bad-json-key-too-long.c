/*
 * A JSON member name longer than 256 bytes is refused with a 413, as the
 * same key in an urlencoded body is.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	char		 body[400];
	const char	*d;
	int		 n;

	/* 256 bytes: the limit itself. */
	n = snprintf(body, sizeof(body), "{\"%0256d\": \"x\"}", 0);
	CHECK(post(body, (size_t)n, &d) == HTTP_OK);
	/* 257 bytes: one too many. */
	n = snprintf(body, sizeof(body), "{\"%0257d\": \"x\"}", 0);
	CHECK(post(body, (size_t)n, &d) == HTTP_PAYLOAD_TOO_LARGE);
	CHECK_STR(d, "error_detail.413");
	return CHECK_DONE();
}
