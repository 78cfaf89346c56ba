/*
 * Invalid UTF-8 anywhere in a JSON body is a 400: in a value, in a key,
 * overlong or a raw surrogate.
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
