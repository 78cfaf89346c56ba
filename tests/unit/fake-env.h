/*
 * fake-env.h: FastCGI parameters for the unit tests of req_parse(), the
 * small limits they run under, and one-call parses that keep only the
 * status and the problem detail.
 */
#ifndef AGORA_FAKE_ENV_H
#define AGORA_FAKE_ENV_H

#include <stddef.h>

#include "arena.h"
#include "req.h"

static const struct req_limits lim = {
	1024,		/* body_max */
	10,		/* fields_max */
	100,		/* field_max */
	256,		/* uri_max */
};

/* The FastCGI parameters as req_parse() gets them: writable strings. */
static inline char **
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

/*
 * Parses a request with the parameters env and the body (NULL for none)
 * under lim, in an arena of its own; returns the status and, when detail
 * is not NULL, the detail key (a static string, so it outlives the
 * request).
 */
static inline enum http_status
parse_env(const char *const *env, const char *body, size_t len,
    const char **detail)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;

	a = arena_new();
	st = req_parse(&r, a, envp(a, env), body, len, &lim);
	if (detail != NULL)
		*detail = r.detail;
	req_done(&r);
	arena_free(a);
	return st;
}

/* Parses body as a JSON POST; returns the status and the detail key. */
static inline enum http_status
post(const char *body, size_t len, const char **detail)
{
	static const char *const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/events",
		"DOCUMENT_URI=/api/v1/events",
		"CONTENT_TYPE=application/json",
		NULL
	};

	return parse_env(env, body, len, detail);
}

#endif
