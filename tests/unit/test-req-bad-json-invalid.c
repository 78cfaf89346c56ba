/*
 * A body that is not JSON, or JSON with something after it, is a 400.
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

static const char *const env[] = {
	"REQUEST_METHOD=POST",
	"REQUEST_URI=/api/v1/events",
	"DOCUMENT_URI=/api/v1/events",
	"CONTENT_TYPE=application/json",
	NULL
};

/* Parses body as a JSON POST; returns the status and the detail key. */
static enum http_status
post(const char *body, size_t len, const char **detail)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;

	a = arena_new();
	st = req_parse(&r, a, envp(a, env), body, len, &lim);
	*detail = r.detail;
	req_done(&r);
	arena_free(a);
	return st;
}

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
