/*
 * A JSON member name longer than 256 bytes is refused with a 413, as the
 * same key in an urlencoded body is.
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
