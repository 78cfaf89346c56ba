/*
 * Without ?lang= or a cookie, Accept-Language picks the language; with
 * nothing at all it is Spanish.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

static const char *
lang_for(const char *accept)
{
	static char	 hdr[200];
	struct arena	*a;
	struct req	 r;
	const char	*l;
	const char	*const env[] = {
		"REQUEST_METHOD=GET", "REQUEST_URI=/", hdr, NULL
	};

	snprintf(hdr, sizeof(hdr), "%s=%s",
	    accept ? "HTTP_ACCEPT_LANGUAGE" : "X", accept ? accept : "");
	a = arena_new();
	l = req_parse(&r, a, envp(a, env), NULL, 0, &lim) == HTTP_OK ?
	    r.lang : "fail";
	CHECK(!r.set_lang);
	req_done(&r);
	arena_free(a);
	return l;	/* a static string from i18n_pick() */
}

int
main(void)
{
	CHECK_STR(lang_for("en-US,en;q=0.9"), "en");
	CHECK_STR(lang_for("fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7"), "en");
	CHECK_STR(lang_for("es-AR,en;q=0.5"), "es");
	CHECK_STR(lang_for("de"), "es");
	CHECK_STR(lang_for(NULL), "es");
	return CHECK_DONE();
}
