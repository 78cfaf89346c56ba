/*
 * ?lang= is remembered in a year-long agora_lang cookie; a browser's new
 * CSRF token goes out in an HttpOnly, SameSite=Lax session cookie (not
 * Secure over plain HTTP); the handler's extra cookies follow.  The API
 * gets no CSRF cookie.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const page[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/page?lang=en",
		"DOCUMENT_URI=/page",
		"QUERY_STRING=lang=en",
		"HTTP_COOKIE=agora_lang=es",
		NULL
	};
	static const char *const api[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/api/v1/page?lang=en",
		"DOCUMENT_URI=/api/v1/page",
		"QUERY_STRING=lang=en",
		NULL
	};
	static const char *const plain[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/page",
		"DOCUMENT_URI=/page",
		"HTTP_COOKIE=agora_csrf=old",
		NULL
	};
	struct rt	 t;

	rt_init();
	rt_begin(&t, page, NULL);
	CHECK(t.r.set_lang);
	t.r.csrf = "Zm9vYmFy";
	t.r.new_csrf = true;
	t.r.tpl = "page";
	req_add_cookie(&t.r, "agora_session=abc; Path=/; HttpOnly");
	json_object_set_new(t.m, "greeting", json_string("hi"));
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK_STR(rt_header(&t, "Content-Language"), "en");
	CHECK_STR(rt_set_cookie(&t, "agora_lang"),
	    "agora_lang=en; Path=/; SameSite=Lax; Max-Age=31536000");
	CHECK_STR(rt_set_cookie(&t, "agora_csrf"),
	    "agora_csrf=Zm9vYmFy; Path=/; SameSite=Lax; HttpOnly");
	CHECK_STR(rt_set_cookie(&t, "agora_session"),
	    "agora_session=abc; Path=/; HttpOnly");
	CHECK(strstr(rt_body(&t), "value=\"Zm9vYmFy\"") != NULL);
	rt_end(&t);

	/* Redirects carry them too. */
	rt_begin(&t, page, NULL);
	t.r.csrf = "Zm9vYmFy";
	t.r.new_csrf = true;
	CHECK(rt_build(&t, HTTP_SEE_OTHER) == 303);
	CHECK(rt_set_cookie(&t, "agora_lang") != NULL);
	CHECK(rt_set_cookie(&t, "agora_csrf") != NULL);
	rt_end(&t);

	rt_begin(&t, api, NULL);
	t.r.csrf = "Zm9vYmFy";
	t.r.new_csrf = true;
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(rt_set_cookie(&t, "agora_lang") != NULL);
	CHECK(rt_set_cookie(&t, "agora_csrf") == NULL);
	rt_end(&t);

	/* Neither a chosen language nor a new token: no cookies at all. */
	rt_begin(&t, plain, NULL);
	CHECK(!t.r.set_lang);
	t.r.csrf = "old";
	t.r.tpl = "page";
	json_object_set_new(t.m, "greeting", json_string("hi"));
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK(rt_header(&t, "Set-Cookie") == NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
