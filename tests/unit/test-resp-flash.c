/*
 * The flash cookie names a catalog message; the next page shows it in
 * the request's language, as an error when the key starts with "err_",
 * and expires the cookie so it is shown once.
 */
#include <string.h>

#include "fake-resp.h"

static void
page(struct rt *t, const char *cookie)
{
	const char	*env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/page",
		"DOCUMENT_URI=/page",
		cookie,
		NULL
	};

	rt_begin(t, env, NULL);
	CHECK(t->parsed == HTTP_OK);
	t->r.csrf = "tok";
	t->r.tpl = "page";
	json_object_set_new(t->m, "greeting", json_string("hola"));
	CHECK(rt_build(t, HTTP_OK) == 200);
}

int
main(void)
{
	struct rt	 t;

	rt_init();
	page(&t, "HTTP_COOKIE=agora_flash=saved");
	CHECK(strstr(rt_body(&t), "<p class=\"flash flash--ok\" role=\"status\">"
	    "Cambios guardados.</p>") != NULL);
	/* Shown once: the same response expires the cookie. */
	CHECK_STR(rt_set_cookie(&t, "agora_flash"),
	    "agora_flash=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
	rt_end(&t);

	page(&t, "HTTP_COOKIE=agora_lang=en; agora_flash=err_denied");
	CHECK(strstr(rt_body(&t), "<p class=\"flash flash--error\" role=\"status\">"
	    "It could not be saved.</p>") != NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
