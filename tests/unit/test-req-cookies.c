/*
 * The Cookie header is parsed into r->cookies; req_cookie() finds one.
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
		"REQUEST_URI=/",
		"HTTP_COOKIE=agora_sid=s3cr3t; agora_csrf=tok123; theme=dark",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK(r.ncookies == 3);
	CHECK_STR(req_cookie(&r, "agora_sid"), "s3cr3t");
	CHECK_STR(req_cookie(&r, "agora_csrf"), "tok123");
	CHECK_STR(req_cookie(&r, "theme"), "dark");
	CHECK(req_cookie(&r, "agora") == NULL);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
