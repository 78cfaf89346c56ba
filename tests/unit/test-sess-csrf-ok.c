/*
 * sess_csrf_ok() accepts an unsafe request whose token (form field
 * "_csrf", X-CSRF-Token header or JSON "_csrf") equals the agora_csrf
 * cookie, with no Origin or a same-site one.
 */
#include <sodium.h>
#include <stdbool.h>

#include "arena.h"
#include "req.h"
#include "sess.h"
#include "check.h"
#include "fake-req.h"

int
main(void)
{
	struct fake	 f;
	json_t		*j;

	if (sodium_init() < 0)
		return 1;
	/* Form field, no Origin (older browsers). */
	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	fake_pair(&f, "title", "x");
	fake_pair(&f, CSRF_FIELD, TOKEN);
	CHECK(sess_csrf_ok(&f.r));

	/* With a matching Origin. */
	fake_env(&f, "HTTP_HOST=agora.example");
	fake_env(&f, "HTTP_ORIGIN=https://agora.example");
	CHECK(sess_csrf_ok(&f.r));

	/* Header instead of a field; a port in both Host and Origin. */
	fake_init(&f);
	fake_cookie(&f, "agora_sid", "s");
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	fake_env(&f, "HTTP_X_CSRF_TOKEN=" TOKEN);
	fake_env(&f, "HTTP_HOST=127.0.0.1:8080");
	fake_env(&f, "HTTP_ORIGIN=http://127.0.0.1:8080");
	CHECK(sess_csrf_ok(&f.r));

	/* JSON body member. */
	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	j = json_pack("{s:s, s:s}", "title", "x", CSRF_FIELD, TOKEN);
	f.r.json = j;
	CHECK(sess_csrf_ok(&f.r));
	json_decref(j);
	return CHECK_DONE();
}
