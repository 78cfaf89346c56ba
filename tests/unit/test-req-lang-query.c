/*
 * ?lang=en picks English over the cookie and Accept-Language and asks for
 * it to be remembered; the agora_lang cookie alone picks it without that.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

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
