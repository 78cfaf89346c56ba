/*
 * A request authenticated by a bearer token carries no ambient authority,
 * so sess_csrf_ok() lets it through whatever its CSRF token or Origin.
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

	fake_init(&f);
	f.r.user.id = 7;
	f.r.user.bearer = true;
	CHECK(sess_csrf_ok(&f.r));
	fake_env(&f, "HTTP_HOST=agora.example");
	fake_env(&f, "HTTP_ORIGIN=https://evil.example");
	CHECK(sess_csrf_ok(&f.r));
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	fake_pair(&f, CSRF_FIELD, "other");
	CHECK(sess_csrf_ok(&f.r));
	return CHECK_DONE();
}
