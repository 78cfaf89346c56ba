/*
 * The counter cannot answer (-1, the database is away): the page is still
 * served, without unread_badge; a 503 page never asks at all.
 */
#include <string.h>

#include "fake-resp.h"

static int	 calls;

static long long
away(int64_t uid)
{
	(void)uid;
	calls++;
	return -1;
}

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/events",
		"DOCUMENT_URI=/events",
		NULL
	};
	struct rt	 t;

	rt_init();
	resp_set_unread(away);
	rt_begin(&t, env, NULL);
	t.r.tpl = "page";
	json_object_set_new(t.m, "greeting", json_string("Hola"));
	t.r.user.id = 7;
	t.r.user.name = "Ana";
	t.r.user.role_name = "externo";
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(calls == 1);
	CHECK(json_object_get(t.m, "unread_badge") == NULL);
	rt_end(&t);

	rt_begin(&t, env, NULL);
	t.r.user.id = 7;
	t.r.user.name = "Ana";
	t.r.user.role_name = "externo";
	CHECK(rt_build(&t, HTTP_UNAVAILABLE) == 503);
	CHECK(calls == 1);
	rt_end(&t);
	resp_set_unread(NULL);
	resp_free();
	return CHECK_DONE();
}
