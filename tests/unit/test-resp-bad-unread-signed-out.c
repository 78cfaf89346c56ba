/*
 * Nobody signed in: the counter is never asked and the page has no
 * unread_badge.
 */
#include <string.h>

#include "fake-resp.h"

static int	 calls;

static long long
counter(int64_t uid)
{
	(void)uid;
	calls++;
	return 5;
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
	resp_set_unread(counter);
	rt_begin(&t, env, NULL);
	t.r.tpl = "page";
	json_object_set_new(t.m, "greeting", json_string("Hola"));
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(calls == 0);
	CHECK(json_object_get(t.m, "unread_badge") == NULL);
	rt_end(&t);
	resp_set_unread(NULL);
	resp_free();
	return CHECK_DONE();
}
