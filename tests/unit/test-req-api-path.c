/*
 * A path under "/api/v1" is an API call; route_path drops the prefix so
 * one route table serves both.  "/api/v10" is not the API.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

static void
one(const char *uri, bool api, const char *route_path)
{
	struct arena	*a;
	struct req	 r;
	char		 docuri[300], requri[300];
	const char	*const env[] = {
		"REQUEST_METHOD=GET", docuri, requri, NULL
	};

	snprintf(docuri, sizeof(docuri), "DOCUMENT_URI=%s", uri);
	snprintf(requri, sizeof(requri), "REQUEST_URI=%s", uri);
	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK_STR(r.path, uri);
	CHECK(r.api == api);
	CHECK_STR(r.route_path, route_path);
	CHECK(r.method == M_GET);
	CHECK_STR(r.method_name, "GET");
	req_done(&r);
	arena_free(a);
}

int
main(void)
{
	one("/api/v1/events", true, "/events");
	one("/api/v1/events/42", true, "/events/42");
	one("/api/v1", true, "/");
	one("/api/v1/", true, "/");
	one("/api/v10/events", false, "/api/v10/events");
	one("/api/v2/events", false, "/api/v2/events");
	one("/events", false, "/events");
	one("/", false, "/");
	return CHECK_DONE();
}
