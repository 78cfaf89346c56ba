/*
 * sess_csrf_ok() refuses a token that differs from the cookie: another
 * token, a prefix, a longer one, another case; the header is not a second
 * chance when it is wrong.
 */
#include <sodium.h>
#include <stdbool.h>

#include "arena.h"
#include "req.h"
#include "sess.h"
#include "check.h"
#include "fake-req.h"

static bool
with_sent(const char *sent)
{
	struct fake	 f;

	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	fake_pair(&f, CSRF_FIELD, sent);
	return sess_csrf_ok(&f.r);
}

int
main(void)
{
	struct fake	 f;
	char		 t[100];

	if (sodium_init() < 0)
		return 1;
	CHECK(!with_sent("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWpK"));
	CHECK(!with_sent("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWp"));
	CHECK(!with_sent(TOKEN "x"));
	CHECK(!with_sent("ZM9VYMFYYMF6CXV4MTIZNDU2NZG5MGFIY2RLZMDOAWPR"));
	CHECK(!with_sent(""));
	snprintf(t, sizeof(t), " %s", TOKEN);
	CHECK(!with_sent(t));
	CHECK(with_sent(TOKEN));

	/* A wrong header wins over a right field. */
	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	fake_env(&f, "HTTP_X_CSRF_TOKEN=wrong");
	fake_pair(&f, CSRF_FIELD, TOKEN);
	CHECK(!sess_csrf_ok(&f.r));
	return CHECK_DONE();
}
