/*
 * An empty agora_csrf cookie with an empty "_csrf" field is no token at
 * all: sess_csrf_ok() must refuse it, as sess_csrf() would never have
 * issued such a token (it accepts only 32 to 64 characters).
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

	if (sodium_init() < 0)
		return 1;
	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, "");
	fake_pair(&f, CSRF_FIELD, "");
	CHECK(!sess_csrf_ok(&f.r));
	/* Not even from our own Origin. */
	fake_env(&f, "HTTP_HOST=agora.example");
	fake_env(&f, "HTTP_ORIGIN=https://agora.example");
	CHECK(!sess_csrf_ok(&f.r));

	/* A short token an attacker could guess is no better. */
	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, "a");
	fake_pair(&f, CSRF_FIELD, "a");
	CHECK(!sess_csrf_ok(&f.r));
	return CHECK_DONE();
}
