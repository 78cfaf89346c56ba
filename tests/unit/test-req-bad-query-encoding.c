/*
 * A query string with a broken escape or a NUL is a 400; one that decodes
 * to invalid UTF-8 is a 400 with "valid.bad_utf8"; a value over field_max
 * is a 413.
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
get_query(const char *q, const char **detail)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;
	char			 qs[400];
	const char		*const env[] = {
		"REQUEST_METHOD=GET", "REQUEST_URI=/x", qs, NULL
	};

	snprintf(qs, sizeof(qs), "QUERY_STRING=%s", q);
	a = arena_new();
	st = req_parse(&r, a, envp(a, env), NULL, 0, &lim);
	*detail = r.detail;	/* a static string */
	req_done(&r);
	arena_free(a);
	return st;
}

int
main(void)
{
	char		 q[200];
	const char	*d;

	CHECK(get_query("a=%zz", &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "error_detail.400");
	CHECK(get_query("a=%4", &d) == HTTP_BAD_REQUEST);
	CHECK(get_query("a=%00", &d) == HTTP_BAD_REQUEST);
	CHECK(get_query("a=%E9", &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_utf8");
	CHECK(get_query("%C0%AF=1", &d) == HTTP_BAD_REQUEST);
	CHECK_STR(d, "valid.bad_utf8");
	memcpy(q, "a=", 2);
	memset(q + 2, 'v', 101);
	q[103] = '\0';
	CHECK(get_query(q, &d) == HTTP_PAYLOAD_TOO_LARGE);
	return CHECK_DONE();
}
