/*
 * A path that does not start with "/" or is not UTF-8 is a 400.
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
get_path(const char *path)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;
	char			 du[200];
	const char		*const env[] = {
		"REQUEST_METHOD=GET", "REQUEST_URI=/x", du, NULL
	};

	snprintf(du, sizeof(du), "DOCUMENT_URI=%s", path);
	a = arena_new();
	st = req_parse(&r, a, envp(a, env), NULL, 0, &lim);
	req_done(&r);
	arena_free(a);
	return st;
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
