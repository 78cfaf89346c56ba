/*
 * A method outside the known set is a 405 before anything else is read.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

static enum http_status
with_method(const char *m)
{
	struct arena		*a;
	struct req		 r;
	enum http_status	 st;
	char			 me[100];
	const char		*const env[] = {
		me, "REQUEST_URI=/events", NULL
	};

	snprintf(me, sizeof(me), "REQUEST_METHOD=%s", m);
	a = arena_new();
	st = req_parse(&r, a, envp(a, env), NULL, 0, &lim);
	if (st == HTTP_METHOD_NOT_ALLOWED) {
		CHECK(r.method == 0);
		CHECK_STR(r.method_name, m);
		CHECK_STR(r.detail, "error_detail.405");
	}
	req_done(&r);
	arena_free(a);
	return st;
}

int
main(void)
{
	CHECK(with_method("TRACE") == HTTP_METHOD_NOT_ALLOWED);
	CHECK(with_method("CONNECT") == HTTP_METHOD_NOT_ALLOWED);
	CHECK(with_method("get") == HTTP_METHOD_NOT_ALLOWED);
	CHECK(with_method("") == HTTP_METHOD_NOT_ALLOWED);
	CHECK(with_method("PROPFIND") == HTTP_METHOD_NOT_ALLOWED);
	CHECK(with_method("OPTIONS") == HTTP_OK);
	return CHECK_DONE();
}
