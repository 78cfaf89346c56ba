/*
 * A page form answered 422 is the route's template again, not the error
 * page: the form error, each field's message, and what the person typed,
 * except any password, which is never echoed.  A post refused before its
 * handler ran (no session, the wrong role) is the error page: there is no
 * form to draw; so is a GET refused, unless its handler filled the page.
 */
#include <string.h>

#include "fake-resp.h"

static const struct field fields[] = {
	{ "email", valid_email, 0, 0, NULL },
	{ "password", valid_text, 8, 128, NULL },
	{ "new_password", valid_text, 8, 128, NULL },
};

static void
post_form(struct rt *t, const char *body)
{
	static const char *const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/form",
		"DOCUMENT_URI=/form",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		NULL
	};

	rt_begin(t, env, body);
	CHECK(t->parsed == HTTP_OK);
	t->r.csrf = "tok";
	t->r.tpl = "form";
	req_validate(&t->r, fields, sizeof(fields) / sizeof(fields[0]));
	t->r.handled = true;
}

int
main(void)
{
	struct rt	 t;
	const char	*b;

	rt_init();
	post_form(&t, "email=ana.example.org&password=Sup3rS3cret%21&"
	    "new_password=An0therS3cret");
	CHECK(t.r.has_invalid);
	CHECK(rt_build(&t, HTTP_UNPROCESSABLE) == 422);
	CHECK(strncmp(buf_str(&t.out), "Status: 422 Unprocessable Content\r\n",
	    35) == 0);
	CHECK_STR(rt_header(&t, "Content-Type"), "text/html; charset=utf-8");
	CHECK(rt_length_ok(&t));
	b = rt_body(&t);
	CHECK(strstr(b, "<form method=\"post\" action=\"/form\">") != NULL);
	CHECK(strstr(b, "<p class=\"form-error\">Algunos campos no son válidos.</p>") != NULL);
	CHECK(strstr(b, "<p class=\"field-error\" data-field=\"email\">No es una "
	    "dirección de correo.</p>") != NULL);
	CHECK(strstr(b, "<input name=\"email\" value=\"ana.example.org\">") != NULL);
	CHECK(strstr(b, "<input name=\"password\" type=\"password\" value=\"\">") != NULL);
	CHECK(strstr(b, "Sup3rS3cret") == NULL);
	CHECK(strstr(b, "An0therS3cret") == NULL);
	CHECK(strstr(b, "class=\"leak\"") == NULL);
	CHECK(strstr(b, "class=\"error\"") == NULL);	/* not the error page */
	rt_end(&t);

	/* A password that fails its own rule: the reason, not the value. */
	post_form(&t, "email=ana%40example.org&password=abc1234");
	CHECK(rt_build(&t, HTTP_UNPROCESSABLE) == 422);
	b = rt_body(&t);
	CHECK(strstr(b, "data-field=\"password\">Escribe al menos 8 caracteres.") != NULL);
	CHECK(strstr(b, "<p class=\"invalid-password\">Escribe al menos 8 caracteres.</p>") != NULL);
	CHECK(strstr(b, "value=\"ana@example.org\"") != NULL);
	CHECK(strstr(b, "abc1234") == NULL);
	rt_end(&t);

	/* The handler's own detail replaces the generic form error. */
	post_form(&t, "email=ana%40example.org&password=Sup3rS3cret");
	t.r.detail = "custom.detail";
	CHECK(rt_build(&t, HTTP_CONFLICT) == 409);
	b = rt_body(&t);
	CHECK(strstr(b, "<p class=\"form-error\">Detalle propio del programa.</p>") != NULL);
	CHECK(strstr(b, "Sup3rS3cret") == NULL);
	rt_end(&t);

	/* Refused before the handler ran: the error page, not the form. */
	post_form(&t, "email=ana%40example.org&password=Sup3rS3cret");
	t.r.handled = false;
	CHECK(rt_build(&t, HTTP_UNAUTHORIZED) == 401);
	b = rt_body(&t);
	CHECK(strstr(b, "<form method=\"post\" action=\"/form\">") == NULL);
	CHECK(strstr(b, "class=\"error\"") != NULL);
	rt_end(&t);

	/* A GET refused is the error page, unless its handler says the
	 * page's model is whole (page_ready): then the page, with why. */
	{
		static const char *const get[] = {
			"REQUEST_METHOD=GET",
			"REQUEST_URI=/form",
			"DOCUMENT_URI=/form",
			"QUERY_STRING=email=ana.example.org",
			NULL
		};
		bool	 ready;

		for (ready = false; ; ready = true) {
			rt_begin(&t, get, NULL);
			t.r.csrf = "tok";
			t.r.tpl = "form";
			req_validate(&t.r, fields,
			    sizeof(fields) / sizeof(fields[0]));
			t.r.handled = true;
			t.r.page_ready = ready;
			CHECK(rt_build(&t, HTTP_UNPROCESSABLE) == 422);
			b = rt_body(&t);
			CHECK((strstr(b, "<form method=\"post\" action=\"/form\">") !=
			    NULL) == ready);
			CHECK((strstr(b, "class=\"error\"") != NULL) == !ready);
			rt_end(&t);
			if (ready)
				break;
		}
	}
	resp_free();
	return CHECK_DONE();
}
