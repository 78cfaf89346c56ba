/*
 * A page template that fails in strict mode (a key the model lacks)
 * becomes a plain 500 that depends on neither templates nor model: no
 * partial output and nothing of the model leaks.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/broken",
		"DOCUMENT_URI=/broken",
		NULL
	};
	struct rt	 t;
	const char	*b;

	rt_init();
	rt_begin(&t, env, NULL);
	t.r.csrf = "tok";
	t.r.tpl = "broken";
	json_object_set_new(t.m, "secret", json_string("s3cr3t-value"));
	CHECK(rt_build(&t, HTTP_OK) == 500);
	CHECK(strncmp(buf_str(&t.out), "Status: 500 Internal Server Error\r\n",
	    35) == 0);
	CHECK_STR(rt_header(&t, "Content-Type"), "text/html; charset=utf-8");
	CHECK(rt_header(&t, "ETag") == NULL);
	CHECK(rt_length_ok(&t));
	b = rt_body(&t);
	CHECK_STR(b, "<!doctype html><title>500</title><p>Internal Server Error</p>");
	CHECK(strstr(buf_str(&t.out), "s3cr3t") == NULL);
	rt_end(&t);

	/* A template that does not exist fails the same way. */
	rt_begin(&t, env, NULL);
	t.r.tpl = "no/such/template";
	json_object_set_new(t.m, "secret", json_string("s3cr3t-value"));
	CHECK(rt_build(&t, HTTP_OK) == 500);
	CHECK(strstr(buf_str(&t.out), "s3cr3t") == NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
