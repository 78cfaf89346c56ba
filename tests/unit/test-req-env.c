/*
 * req_parse() takes the method, path, query, request id, address and
 * content type from the FastCGI parameters, with defaults for missing
 * ones; req_env() finds a parameter by its exact name.
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
		"REQUEST_METHOD=DELETE",
		"REQUEST_URI=/events/7?x=1",
		"DOCUMENT_URI=/events/7",
		"QUERY_STRING=x=1",
		"REQUEST_ID=0123abcd",
		"REMOTE_ADDR=192.0.2.1",
		"REMOTE_ADDRESS=wrong",
		NULL
	};
	const char	*const bare[] = { NULL };

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK);
	CHECK(r.method == M_DELETE);
	CHECK_STR(r.method_name, "DELETE");
	CHECK_STR(r.path, "/events/7");
	CHECK_STR(r.query, "x=1");
	CHECK_STR(r.request_id, "0123abcd");
	CHECK_STR(r.remote_addr, "192.0.2.1");
	CHECK(r.content_type == NULL);
	CHECK(r.api == false);
	CHECK_STR(r.lang, "es");
	CHECK_STR(req_env(&r, "REMOTE_ADDRESS"), "wrong");
	CHECK(req_env(&r, "REMOTE") == NULL);
	CHECK(req_env(&r, "NOPE") == NULL);
	req_done(&r);

	/* Nothing at all: a GET of "/". */
	CHECK(req_parse(&r, a, envp(a, bare), NULL, 0, &lim) == HTTP_OK);
	CHECK(r.method == M_GET);
	CHECK_STR(r.path, "/");
	CHECK_STR(r.query, "");
	CHECK(r.request_id == NULL);
	CHECK(r.npairs == 0);
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
