/*
 * A body longer than body_max is a 413 whatever its type; one of exactly
 * body_max bytes is fine.
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
	struct arena		*a;
	struct req		 r;
	char			 body[1100];
	const char		*const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/events",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		NULL
	};

	memset(body, 'x', sizeof(body));
	memcpy(body, "a=", 2);
	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), body, 1025, &lim) ==
	    HTTP_PAYLOAD_TOO_LARGE);
	CHECK_STR(r.detail, "error_detail.413");
	req_done(&r);
	/* 1024 bytes pass the body limit and reach the field limit. */
	CHECK(req_parse(&r, a, envp(a, env), body, 1024, &lim) ==
	    HTTP_PAYLOAD_TOO_LARGE);
	req_done(&r);
	CHECK(req_parse(&r, a, envp(a, env), body, 102, &lim) == HTTP_OK);
	CHECK(r.npairs == 1 && r.pairs[0].vallen == 100);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
