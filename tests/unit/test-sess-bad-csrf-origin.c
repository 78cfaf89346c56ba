/*
 * sess_csrf_ok() refuses a request whose Origin is another site, "null",
 * a lookalike of ours, or any Origin when Host is missing, even with the
 * right token.
 */
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "req.h"
#include "sess.h"
#include "check.h"
#include "fake-req.h"

static bool
from(const char *origin, const char *host)
{
	struct fake	 f;
	char		 h[128];

	fake_init(&f);
	fake_cookie(&f, CSRF_COOKIE, TOKEN);
	fake_pair(&f, CSRF_FIELD, TOKEN);
	snprintf(h, sizeof(h), "HTTP_ORIGIN=%s", origin);
	fake_env(&f, h);
	if (host != NULL) {
		snprintf(h, sizeof(h), "HTTP_HOST=%s", host);
		fake_env(&f, h);
	}
	return sess_csrf_ok(&f.r);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	CHECK(!from("https://evil.example", "agora.example"));
	CHECK(!from("null", "agora.example"));
	CHECK(!from("https://agora.example.evil.example", "agora.example"));
	CHECK(!from("https://evil.example/agora.example", "agora.example"));
	CHECK(!from("https://sub.agora.example", "agora.example"));
	CHECK(!from("https://agora.example:444", "agora.example"));
	CHECK(!from("https://agora.example", "agora.example:8080"));
	CHECK(!from("agora.example", "agora.example"));
	CHECK(!from("", "agora.example"));
	CHECK(!from("https://agora.example", NULL));
	CHECK(from("https://agora.example", "agora.example"));
	return CHECK_DONE();
}
