/*
 * Over HTTPS (HTTPS=on from nginx) the language and CSRF cookies are
 * Secure as well; any other HTTPS value is not HTTPS.
 */
#include <string.h>

#include "fake-resp.h"

static void
answer(struct rt *t, const char *https)
{
	const char	*env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/page?lang=es",
		"DOCUMENT_URI=/page",
		"QUERY_STRING=lang=es",
		https,
		NULL
	};

	rt_begin(t, env, NULL);
	t->r.csrf = "Zm9vYmFy";
	t->r.new_csrf = true;
	t->r.tpl = "page";
	json_object_set_new(t->m, "greeting", json_string("hola"));
	CHECK(rt_build(t, HTTP_OK) == 200);
}

int
main(void)
{
	struct rt	 t;

	rt_init();
	answer(&t, "HTTPS=on");
	CHECK_STR(rt_set_cookie(&t, "agora_lang"),
	    "agora_lang=es; Path=/; SameSite=Lax; Max-Age=31536000; Secure");
	CHECK_STR(rt_set_cookie(&t, "agora_csrf"),
	    "agora_csrf=Zm9vYmFy; Path=/; SameSite=Lax; HttpOnly; Secure");
	rt_end(&t);

	answer(&t, "HTTPS=");
	CHECK(strstr(rt_set_cookie(&t, "agora_csrf"), "Secure") == NULL);
	CHECK(strstr(rt_set_cookie(&t, "agora_lang"), "Secure") == NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
