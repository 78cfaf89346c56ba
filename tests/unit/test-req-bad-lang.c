/*
 * An unknown ?lang= is ignored (the cookie or Accept-Language decides and
 * nothing is remembered), and so is an unknown agora_lang cookie.
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
		"REQUEST_URI=/?lang=fr",
		"QUERY_STRING=lang=fr",
		"HTTP_COOKIE=agora_lang=en",
		NULL
	};
	const char	*const cenv[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/?lang=",
		"QUERY_STRING=lang=",
		"HTTP_COOKIE=agora_lang=de",
		"HTTP_ACCEPT_LANGUAGE=en",
		NULL
	};
	const char	*const xenv[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/?lang=english",
		"QUERY_STRING=lang=english",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK_STR(r.lang, "en");
	CHECK(!r.set_lang);
	req_done(&r);
	CHECK(req_parse(&r, a, envp(a, cenv), NULL, 0, &lim) == HTTP_OK);
	CHECK_STR(r.lang, "en");
	CHECK(!r.set_lang);
	req_done(&r);
	CHECK(req_parse(&r, a, envp(a, xenv), NULL, 0, &lim) == HTTP_OK);
	CHECK_STR(r.lang, "es");
	CHECK(!r.set_lang);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
