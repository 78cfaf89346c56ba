/*
 * A path that does not start with "/" or is not UTF-8 is a 400.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

static enum http_status
get_path(const char *path)
{
	char		 du[200];
	const char	*const env[] = {
		"REQUEST_METHOD=GET", "REQUEST_URI=/x", du, NULL
	};

	snprintf(du, sizeof(du), "DOCUMENT_URI=%s", path);
	return parse_env(env, NULL, 0, NULL);
}

int
main(void)
{
	CHECK(get_path("events") == HTTP_BAD_REQUEST);
	CHECK(get_path("") == HTTP_BAD_REQUEST);
	CHECK(get_path("http://agora.example/") == HTTP_BAD_REQUEST);
	CHECK(get_path("/caf\xe9") == HTTP_BAD_REQUEST);
	CHECK(get_path("/\xc0\xaf") == HTTP_BAD_REQUEST);
	CHECK(get_path("/\xed\xa0\x80") == HTTP_BAD_REQUEST);
	CHECK(get_path("/caf\xc3\xa9") == HTTP_OK);
	return CHECK_DONE();
}
