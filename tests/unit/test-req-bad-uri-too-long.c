/*
 * A request URI longer than uri_max is a 414; exactly uri_max is fine.
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

static enum http_status
get_len(size_t n)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;
	char			 uri[400];
	const char		*const env[] = {
		"REQUEST_METHOD=GET", uri, "DOCUMENT_URI=/events", NULL
	};

	memcpy(uri, "REQUEST_URI=/", 13);
	memset(uri + 13, 'u', n - 1);
	uri[12 + n] = '\0';
	a = arena_new();
	st = req_parse(&r, a, envp(a, env), NULL, 0, &lim);
	req_done(&r);
	arena_free(a);
	return st;
}

int
main(void)
{
	CHECK(get_len(257) == HTTP_URI_TOO_LONG);
	CHECK(get_len(300) == HTTP_URI_TOO_LONG);
	CHECK(get_len(256) == HTTP_OK);
	return CHECK_DONE();
}
