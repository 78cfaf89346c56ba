/*
 * A JSON string value longer than field_max is refused with a 413, as the
 * same value in an urlencoded body is: the limit is on one value, not on
 * one encoding of it.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	char		 body[300];
	const char	*d;
	int		 n;

	/* 100 bytes: the limit itself. */
	n = snprintf(body, sizeof(body), "{\"title\": \"%0100d\"}", 0);
	CHECK(post(body, (size_t)n, &d) == HTTP_OK);
	/* 101 bytes: one too many. */
	n = snprintf(body, sizeof(body), "{\"title\": \"%0101d\"}", 0);
	CHECK(post(body, (size_t)n, &d) == HTTP_PAYLOAD_TOO_LARGE);
	return CHECK_DONE();
}
