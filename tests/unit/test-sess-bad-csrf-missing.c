/*
 * sess_csrf_ok() refuses a request without the cookie (whatever field or
 * header it sends), without the token, or with the token only in a JSON
 * member that is not a string.
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
	fake_init(&f);
	CHECK(!sess_csrf_ok(&f.r));

	fake_init(&f);
	fake_pair(&f, CSRF_FIELD, TOKEN);
	CHECK(!sess_csrf_ok(&f.r));
	fake_env(&f, "HTTP_X_CSRF_TOKEN=" TOKEN);
	CHECK(!sess_csrf_ok(&f.r));

	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	CHECK(!sess_csrf_ok(&f.r));

	/* A cookie of another name does not count. */
	fake_init(&f);
	fake_cookie(&f, "agora_csrf2", TOKEN);
	fake_pair(&f, CSRF_FIELD, TOKEN);
	CHECK(!sess_csrf_ok(&f.r));

	/* Nor does a field of another name. */
	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	fake_pair(&f, "csrf", TOKEN);
	CHECK(!sess_csrf_ok(&f.r));

	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	j = json_pack("{s:[s]}", CSRF_FIELD, TOKEN);
	f.r.json = j;
	CHECK(!sess_csrf_ok(&f.r));
	json_decref(j);
	return CHECK_DONE();
}
