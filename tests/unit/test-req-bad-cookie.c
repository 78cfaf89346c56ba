/*
 * A Cookie header over the cookie module's limits is a 400 that says to
 * clear the site's cookies, while a malformed pair in it is only skipped.
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
	char		*hdr;
	const char	*const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/",
		"HTTP_COOKIE=bad; agora_sid=abc; =x",
		NULL
	};
	const char	*const lenv[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/",
		"",		/* replaced below */
		NULL
	};
	char		**e;

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK(r.ncookies == 1);
	CHECK_STR(req_cookie(&r, "agora_sid"), "abc");
	req_done(&r);

	hdr = arena_alloc(a, 12 + 9000 + 1);
	memcpy(hdr, "HTTP_COOKIE=", 12);
	memcpy(hdr + 12, "a=", 2);
	memset(hdr + 14, 'c', 9000 - 2);
	e = envp(a, lenv);
	e[2] = hdr;
	CHECK(req_parse(&r, a, e, NULL, 0, &lim) == HTTP_BAD_REQUEST);
	CHECK_STR(r.detail, "error_detail.too_many_cookies");
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
