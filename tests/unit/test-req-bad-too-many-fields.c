/*
 * More than fields_max pairs in a form body or in the query string is a
 * 413; exactly fields_max is fine.
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
parse(const char *method, const char *query, const char *body)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;
	char			 me[100], qs[300];
	const char		*const env[] = {
		me, "REQUEST_URI=/events", qs,
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};

	snprintf(me, sizeof(me), "REQUEST_METHOD=%s", method);
	snprintf(qs, sizeof(qs), "QUERY_STRING=%s", query);
	a = arena_new();
	st = req_parse(&r, a, envp(a, env), body, strlen(body), &lim);
	if (st == HTTP_PAYLOAD_TOO_LARGE)
		CHECK_STR(r.detail, "error_detail.413");
	req_done(&r);
	arena_free(a);
	return st;
}

int
main(void)
{
	static const char ten[] = "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10";
	static const char eleven[] =
	    "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11";

	CHECK(parse("POST", "", eleven) == HTTP_PAYLOAD_TOO_LARGE);
	CHECK(parse("GET", eleven, "") == HTTP_PAYLOAD_TOO_LARGE);
	CHECK(parse("POST", eleven, "") == HTTP_PAYLOAD_TOO_LARGE);
	CHECK(parse("POST", "", ten) == HTTP_OK);
	CHECK(parse("GET", ten, "") == HTTP_OK);
	return CHECK_DONE();
}
