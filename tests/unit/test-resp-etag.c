/*
 * A GET 200 carries an ETag of its body; the same request with a
 * matching If-None-Match (or "*") is a 304 with no body and no
 * Content-Type, and a stale tag gets the full 200 again.
 */
#include <stdio.h>
#include <string.h>

#include "fake-resp.h"

static void
answer(struct rt *t, const char *inm, const char *path)
{
	char		 h[256], u[64], d[64];
	const char	*env[6];

	snprintf(u, sizeof(u), "REQUEST_URI=%s", path);
	snprintf(d, sizeof(d), "DOCUMENT_URI=%s", path);
	env[0] = "REQUEST_METHOD=GET";
	env[1] = u;
	env[2] = d;
	env[3] = NULL;
	if (inm != NULL) {
		snprintf(h, sizeof(h), "HTTP_IF_NONE_MATCH=%s", inm);
		env[3] = h;
		env[4] = NULL;
	}
	rt_begin(t, env, NULL);
	t->r.csrf = "tok";
	if (!t->r.api)
		t->r.tpl = "page";
	json_object_set_new(t->m, "greeting", json_string("hola"));
}

int
main(void)
{
	struct rt	 t;
	char		 etag[512], other[600];

	rt_init();
	answer(&t, NULL, "/page");
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(rt_header(&t, "ETag") != NULL);
	snprintf(etag, sizeof(etag), "%s", rt_header(&t, "ETag"));
	CHECK(strlen(etag) == 18 && etag[0] == '"' && etag[17] == '"');
	CHECK(strlen(rt_body(&t)) > 0);
	rt_end(&t);

	/* The same body gives the same tag. */
	answer(&t, NULL, "/page");
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK_STR(rt_header(&t, "ETag"), etag);
	rt_end(&t);

	answer(&t, etag, "/page");
	CHECK(rt_build(&t, HTTP_OK) == 304);
	CHECK(strncmp(buf_str(&t.out), "Status: 304 Not Modified\r\n", 26) == 0);
	CHECK_STR(rt_header(&t, "ETag"), etag);
	CHECK_STR(rt_body(&t), "");
	CHECK(rt_header(&t, "Content-Type") == NULL);
	rt_end(&t);

	snprintf(other, sizeof(other), "\"nope\", W/%s", etag);
	answer(&t, other, "/page");
	CHECK(rt_build(&t, HTTP_OK) == 304);
	rt_end(&t);

	answer(&t, "*", "/api/v1/page");
	CHECK(rt_build(&t, HTTP_OK) == 304);
	CHECK_STR(rt_body(&t), "");
	rt_end(&t);

	/* A stale tag: the full page again. */
	answer(&t, "\"0123456789abcdef0123456789abcdef\"", "/page");
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(strstr(rt_body(&t), "hola") != NULL);
	CHECK(rt_length_ok(&t));
	rt_end(&t);

	/* A different body, a different tag. */
	answer(&t, etag, "/page");
	json_object_set_new(t.m, "greeting", json_string("adiós"));
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(strcmp(rt_header(&t, "ETag"), etag) != 0);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
