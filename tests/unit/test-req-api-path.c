/*
 * A path under "/api/v1" is an API call; route_path drops the prefix so
 * one route table serves both.  "/api/v10" is not the API.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"

static const struct req_limits lim = {
	1024,		/* body_max */
	10,		/* fields_max */
	100,		/* field_max */
	256,		/* uri_max */
};

/* The FastCGI parameters as req_parse() gets them: writable strings. */
static char **
envp(struct arena *a, const char *const *src)
{
	char	**e;
	size_t	 i, n;

	for (n = 0; src[n] != NULL; n++)
		continue;
	e = arena_alloc(a, (n + 1) * sizeof(*e));
	for (i = 0; i < n; i++)
		e[i] = arena_strdup(a, src[i]);
	e[n] = NULL;
	return e;
}

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
