/*
 * A flash cookie that names no message in the catalog shows nothing: not
 * the key, not markup someone put in the cookie, not a catalog object or
 * a message from outside "flash.".
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const cookies[] = {
		"HTTP_COOKIE=agora_flash=unknown_key",
		"HTTP_COOKIE=agora_flash=<b>pwned</b>",
		"HTTP_COOKIE=agora_flash=nested",
		"HTTP_COOKIE=agora_flash=",
		"HTTP_COOKIE=agora_flash=..app.name",
		"HTTP_COOKIE=agora_flash=saved.x",
		NULL
	};
	struct rt	 t;
	size_t		 i;
	const char	*env[5] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/page",
		"DOCUMENT_URI=/page",
		NULL,
		NULL
	};

	rt_init();
	for (i = 0; cookies[i] != NULL; i++) {
		env[3] = cookies[i];
		rt_begin(&t, env, NULL);
		CHECK(t.parsed == HTTP_OK);
		t.r.csrf = "tok";
		t.r.tpl = "page";
		json_object_set_new(t.m, "greeting", json_string("hola"));
		CHECK(rt_build(&t, HTTP_OK) == 200);
		CHECK(strstr(rt_body(&t), "class=\"flash") == NULL);
		CHECK(strstr(rt_body(&t), "pwned") == NULL);
		CHECK(strstr(rt_body(&t), "unknown_key") == NULL);
		CHECK(strstr(rt_body(&t), "Un objeto") == NULL);
		/* The useless cookie is expired all the same. */
		CHECK_STR(rt_set_cookie(&t, "agora_flash"), "agora_flash=; "
		    "Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
		rt_end(&t);
	}
	resp_free();
	return CHECK_DONE();
}
