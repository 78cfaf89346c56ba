/*
 * req_header() finds "Accept-Language" as HTTP_ACCEPT_LANGUAGE, whatever
 * the case of the name asked for; a missing header is NULL.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

int
main(void)
{
	struct arena	*a;
	struct req	 r;
	char		 longname[200];
	const char	*const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/",
		"HTTP_ACCEPT_LANGUAGE=es-ES,es;q=0.9",
		"HTTP_X_CSRF_TOKEN=abc",
		"HTTP_HOST=agora.example",
		"HTTP_HOSTNAME=no",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK_STR(req_header(&r, "Accept-Language"), "es-ES,es;q=0.9");
	CHECK_STR(req_header(&r, "accept-language"), "es-ES,es;q=0.9");
	CHECK_STR(req_header(&r, "X-CSRF-Token"), "abc");
	CHECK_STR(req_header(&r, "Host"), "agora.example");
	CHECK(req_header(&r, "Origin") == NULL);
	CHECK(req_header(&r, "Hos") == NULL);
	memset(longname, 'A', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	CHECK(req_header(&r, longname) == NULL);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
