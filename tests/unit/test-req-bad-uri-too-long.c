/*
 * A request URI longer than uri_max is a 414; exactly uri_max is fine.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

static enum http_status
get_len(size_t n)
{
	char		 uri[400];
	const char	*const env[] = {
		"REQUEST_METHOD=GET", uri, "DOCUMENT_URI=/events", NULL
	};

	memcpy(uri, "REQUEST_URI=/", 13);
	memset(uri + 13, 'u', n - 1);
	uri[12 + n] = '\0';
	return parse_env(env, NULL, 0, NULL);
}

int
main(void)
{
	CHECK(get_len(257) == HTTP_URI_TOO_LONG);
	CHECK(get_len(300) == HTTP_URI_TOO_LONG);
	CHECK(get_len(256) == HTTP_OK);
	return CHECK_DONE();
}
