/*
 * GET and HEAD bodies are not parsed: no 415 for an unknown type and no
 * fields from the body.
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
	static const char body[] = "a=1";
	struct arena	*a;
	struct req	 r;
	const char	*const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/events",
		"CONTENT_TYPE=text/plain",
		NULL
	};
	const char	*const henv[] = {
		"REQUEST_METHOD=HEAD",
		"REQUEST_URI=/events",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), body, 3, &lim) == HTTP_OK);
	CHECK(r.npairs == 0);
	req_done(&r);
	CHECK(req_parse(&r, a, envp(a, henv), body, 3, &lim) == HTTP_OK);
	CHECK(r.method == M_HEAD);
	CHECK(r.npairs == 0);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
