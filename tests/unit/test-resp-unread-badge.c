/*
 * A page for a signed-in person carries the unread notifications count
 * as unread_badge.count in the model: the one the session read brought,
 * else the one the core's counter answers.
 */
#include <string.h>

#include "fake-resp.h"

static int64_t	 asked;

static long long
three(int64_t uid)
{
	asked = uid;
	return 3;
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
	json_t		*b;

	rt_init();
	resp_set_unread(three);
	rt_begin(&t, env, NULL);
	CHECK(t.parsed == HTTP_OK);
	t.r.tpl = "page";
	json_object_set_new(t.m, "greeting", json_string("Hola"));
	t.r.user.id = 42;
	t.r.user.name = "Ana";
	t.r.user.role_name = "externo";
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(asked == 42);
	b = json_object_get(t.m, "unread_badge");
	CHECK(json_is_object(b));
	CHECK(json_integer_value(json_object_get(b, "count")) == 3);
	rt_end(&t);

	/* A session read that brought the count: shown, the counter not
	 * asked (one query fewer for every signed-in page). */
	asked = 0;
	rt_begin(&t, env, NULL);
	t.r.tpl = "page";
	json_object_set_new(t.m, "greeting", json_string("Hola"));
	t.r.user.id = 43;
	t.r.user.name = "Eva";
	t.r.user.role_name = "externo";
	t.r.user.unread_known = true;
	t.r.user.unread = 0;
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(asked == 0);
	b = json_object_get(t.m, "unread_badge");
	CHECK(json_integer_value(json_object_get(b, "count")) == 0);
	rt_end(&t);
	resp_set_unread(NULL);
	resp_free();
	return CHECK_DONE();
}
