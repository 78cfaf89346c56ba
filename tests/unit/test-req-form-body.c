/*
 * An urlencoded POST body becomes pairs, listed before the query
 * string's pairs; a charset parameter on the type is fine.
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
	static const char body[] = "title=Recogida+de+ropa&city=3&_csrf=tok";
	struct arena	*a;
	struct req	 r;
	const char	*const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/events?from=list",
		"DOCUMENT_URI=/events",
		"QUERY_STRING=from=list",
		"CONTENT_TYPE=application/x-www-form-urlencoded; charset=UTF-8",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), body, sizeof(body) - 1, &lim) ==
	    HTTP_OK);
	CHECK(r.json == NULL);
	CHECK(r.body == body && r.bodylen == sizeof(body) - 1);
	CHECK(r.npairs == 4);
	if (r.npairs == 4) {
		CHECK_STR(r.pairs[0].key, "title");
		CHECK_STR(r.pairs[0].val, "Recogida de ropa");
		CHECK_STR(r.pairs[1].key, "city");
		CHECK_STR(r.pairs[2].key, "_csrf");
		CHECK_STR(r.pairs[3].key, "from");
		CHECK_STR(r.pairs[3].val, "list");
	}
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
