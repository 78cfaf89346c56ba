/*
 * A JSON body must be an object: an array, a string or a number at the
 * top is a 400.
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
	const char	*d;

	CHECK(post("[1, 2]", 6, &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_json");
	CHECK(post("[{\"title\": \"x\"}]", 16, &d) == HTTP_BAD_REQUEST);
	CHECK(post("\"title\"", 7, &d) == HTTP_BAD_REQUEST);
	CHECK(post("42", 2, &d) == HTTP_BAD_REQUEST);
	CHECK(post("null", 4, &d) == HTTP_BAD_REQUEST);
	CHECK(post("{}", 2, &d) == HTTP_OK);
	return CHECK_DONE();
}
