/*
 * req_header() finds "Accept-Language" as HTTP_ACCEPT_LANGUAGE, whatever
 * the case of the name asked for; a missing header is NULL.
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
