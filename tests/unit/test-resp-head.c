/*
 * HEAD answers with the headers GET would have, Content-Length and ETag
 * included, and no body.
 */
#include <stdio.h>
#include <string.h>

#include "fake-resp.h"

static void
answer(struct rt *t, const char *method, const char *path)
{
	char		 m[64], u[64], d[64];
	const char	*env[4];

	snprintf(m, sizeof(m), "REQUEST_METHOD=%s", method);
	snprintf(u, sizeof(u), "REQUEST_URI=%s", path);
	snprintf(d, sizeof(d), "DOCUMENT_URI=%s", path);
	env[0] = m;
	env[1] = u;
	env[2] = d;
	env[3] = NULL;
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
	char		 len[512], etag[512];
	const char	*paths[] = { "/page", "/api/v1/page" };
	size_t		 i;

	rt_init();
	for (i = 0; i < 2; i++) {
		answer(&t, "GET", paths[i]);
		CHECK(rt_build(&t, HTTP_OK) == 200);
		snprintf(len, sizeof(len), "%s", rt_header(&t, "Content-Length"));
		snprintf(etag, sizeof(etag), "%s", rt_header(&t, "ETag"));
		CHECK(strcmp(len, "0") != 0);
		rt_end(&t);

		answer(&t, "HEAD", paths[i]);
		CHECK(t.r.method == M_HEAD);
		CHECK(rt_build(&t, HTTP_OK) == 200);
		CHECK_STR(rt_header(&t, "Content-Length"), len);
		CHECK_STR(rt_header(&t, "ETag"), etag);
		CHECK_STR(rt_body(&t), "");
		rt_end(&t);

		/* Errors too. */
		answer(&t, "HEAD", paths[i]);
		CHECK(rt_build(&t, HTTP_NOT_FOUND) == 404);
		CHECK(rt_header(&t, "Content-Type") != NULL);
		CHECK(strcmp(rt_header(&t, "Content-Length"), "0") != 0);
		CHECK_STR(rt_body(&t), "");
		rt_end(&t);
	}
	resp_free();
	return CHECK_DONE();
}
