/*
 * A body whose type is neither urlencoded nor JSON, or has no type, is a
 * 415; a type that only starts like a known one does not pass.
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
post_as(const char *ctype)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;
	char			 ct[200];
	const char		*const env[] = {
		"REQUEST_METHOD=POST", "REQUEST_URI=/events", ct, NULL
	};

	snprintf(ct, sizeof(ct), "%s=%s", ctype ? "CONTENT_TYPE" : "X",
	    ctype ? ctype : "");
	a = arena_new();
	st = req_parse(&r, a, envp(a, env), "a=1", 3, &lim);
	if (st == HTTP_UNSUPPORTED_MEDIA_TYPE)
		CHECK_STR(r.detail, "error_detail.415");
	req_done(&r);
	arena_free(a);
	return st;
}

int
main(void)
{
	CHECK(post_as("text/plain") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("multipart/form-data; boundary=x") ==
	    HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("application/x-www-form-urlencodedx") ==
	    HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("application/jsonp") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("application/xml") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as(NULL) == HTTP_UNSUPPORTED_MEDIA_TYPE);
	/* Case does not matter, parameters are allowed. */
	CHECK(post_as("Application/X-WWW-Form-Urlencoded;charset=utf-8") ==
	    HTTP_OK);
	return CHECK_DONE();
}
