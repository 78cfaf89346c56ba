/*
 * The query string is decoded into pairs, in order, duplicates kept.
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
		"REQUEST_URI=/events?q=caf%C3%A9+solidario&page=2&q=x",
		"DOCUMENT_URI=/events",
		"QUERY_STRING=q=caf%C3%A9+solidario&page=2&q=x&flag",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK(r.npairs == 4);
	if (r.npairs == 4) {
		CHECK_STR(r.pairs[0].key, "q");
		CHECK_STR(r.pairs[0].val, "café solidario");
		CHECK_STR(r.pairs[1].key, "page");
		CHECK_STR(r.pairs[1].val, "2");
		CHECK_STR(r.pairs[2].val, "x");
		CHECK_STR(r.pairs[3].key, "flag");
		CHECK_STR(r.pairs[3].val, "");
	}
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
