/*
 * A page renders the route's template inside the layout, with what the
 * layout needs added to the model: language, catalog, apps, language
 * links, CSRF token, signed-in user.
 */
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/page",
		"DOCUMENT_URI=/page",
		"HTTP_ACCEPT_LANGUAGE=en-GB,en;q=0.9",
		NULL
	};
	static const struct route page = { M_GET, "/page", NULL, ROLE_ANY,
	    "page" };
	struct rt	 t;
	const char	*b;

	rt_init();
	CHECK(resp_has_template("page"));
	CHECK(resp_has_template("partials/flash"));
	CHECK(!resp_has_template("nope"));
	rt_begin(&t, env, NULL);
	CHECK(t.parsed == HTTP_OK);
	t.r.match.route = &page;
	t.r.csrf = "tok-123";
	t.r.user.id = 42;
	t.r.user.name = "Ana";
	t.r.user.role_name = "ong";
	json_object_set_new(t.m, "greeting", json_string("Hi <Ana> & co"));
	CHECK(rt_build(&t, HTTP_OK) == 200);
	CHECK_STR(rt_header(&t, "Content-Type"), "text/html; charset=utf-8");
	CHECK_STR(rt_header(&t, "Content-Language"), "en");
	CHECK(rt_length_ok(&t));
	b = rt_body(&t);
	CHECK(b != NULL && strncmp(b, "<!doctype html>\n<html lang=\"en\">", 32) == 0);
	CHECK(strstr(b, "<title>Test page</title>") != NULL);
	CHECK(strstr(b, "<h1>Hello from the test</h1>") != NULL);
	CHECK(strstr(b, "<p class=\"greeting\">Hi &lt;Ana&gt; &amp; co</p>") != NULL);
	CHECK(strstr(b, "<a href=\"/events\" title=\"Charity events\">Events</a>") != NULL);
	CHECK(strstr(b, "<a href=\"/page?lang=en\" aria-current=\"true\">English</a>") != NULL);
	CHECK(strstr(b, "<a href=\"/page?lang=es\">Español</a>") != NULL);
	CHECK(strstr(b, "<p class=\"user\">Ana</p>") != NULL);
	CHECK(strstr(b, "name=\"csrf\" value=\"tok-123\"") != NULL);
	CHECK(strstr(b, "class=\"flash") == NULL);
	CHECK(strstr(b, "</html>") != NULL);
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
