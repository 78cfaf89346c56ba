/*
 * A 404 outside the API is the HTML error page inside the layout, and
 * nothing of the handler's model reaches it.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/nowhere",
		"DOCUMENT_URI=/nowhere",
		NULL
	};
	struct rt	 t;
	const char	*b;

	rt_init();
	rt_begin(&t, env, NULL);
	t.r.tpl = "page";	/* an error never renders the route's page */
	json_object_set_new(t.m, "greeting", json_string("model-only-text"));
	CHECK(rt_build(&t, HTTP_NOT_FOUND) == 404);
	CHECK(strncmp(buf_str(&t.out), "Status: 404 Not Found\r\n", 23) == 0);
	CHECK_STR(rt_header(&t, "Content-Type"), "text/html; charset=utf-8");
	CHECK(rt_header(&t, "ETag") == NULL);
	CHECK(rt_length_ok(&t));
	b = rt_body(&t);
	CHECK(strstr(b, "<html lang=\"es\">") != NULL);
	CHECK(strstr(b, "<title>Página no encontrada</title>") != NULL);
	CHECK(strstr(b, "<p class=\"code\">404</p>") != NULL);
	CHECK(strstr(b, "<h1>Página no encontrada</h1>") != NULL);
	CHECK(strstr(b, "<p class=\"detail\">No hay nada en esta dirección.</p>") != NULL);
	CHECK(strstr(b, "model-only-text") == NULL);
	CHECK(strstr(b, "greeting") == NULL);
	CHECK(strstr(b, "problem") == NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
