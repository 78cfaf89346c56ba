/*
 * ?lang=en picks English over the cookie and Accept-Language and asks for
 * it to be remembered; the agora_lang cookie alone picks it without that.
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
	const char	*const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/?lang=EN",
		"QUERY_STRING=lang=EN",
		"HTTP_COOKIE=agora_lang=es",
		"HTTP_ACCEPT_LANGUAGE=es",
		NULL
	};
	const char	*const cenv[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/",
		"HTTP_COOKIE=agora_lang=en",
		"HTTP_ACCEPT_LANGUAGE=es",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK_STR(r.lang, "en");
	CHECK(r.set_lang);
	req_done(&r);
	CHECK(req_parse(&r, a, envp(a, cenv), NULL, 0, &lim) == HTTP_OK);
	CHECK_STR(r.lang, "en");
	CHECK(!r.set_lang);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
