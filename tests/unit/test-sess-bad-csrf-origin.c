/*
 * sess_csrf_ok() refuses a request whose Origin is another site, "null",
 * a lookalike of ours, or any Origin when Host is missing, even with the
 * right token.
 */
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "sess.h"
#include "check.h"

/*
 * A request put together by hand: FastCGI parameters, cookies and form
 * fields, as req_parse() would leave them.
 */
struct fake {
	struct req		 r;
	char			*env[8];
	struct form_pair	 cookies[4];
	struct form_pair	 pairs[4];
	char			 store[8][128];
};

static void
fake_init(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->r.env = f->env;
	f->r.cookies = f->cookies;
	f->r.pairs = f->pairs;
	f->r.lang = "es";
}

/* Stores a copy of s so env entries can be writable strings. */
static char *
fake_str(struct fake *f, const char *s)
{
	size_t	 i;

	for (i = 0; i < 8 && f->store[i][0] != '\0'; i++)
		continue;
	if (i == 8)
		return NULL;
	snprintf(f->store[i], sizeof(f->store[i]), "%s", s);
	return f->store[i];
}

static void
fake_env(struct fake *f, const char *kv)
{
	size_t	 i;

	for (i = 0; f->env[i] != NULL; i++)
		continue;
	f->env[i] = fake_str(f, kv);
}

static void
fake_cookie(struct fake *f, const char *k, const char *v)
{
	struct form_pair	*p = &f->cookies[f->r.ncookies++];

	p->key = k;
	p->keylen = strlen(k);
	p->val = v;
	p->vallen = strlen(v);
}

static void
fake_pair(struct fake *f, const char *k, const char *v)
{
	struct form_pair	*p = &f->pairs[f->r.npairs++];

	p->key = k;
	p->keylen = strlen(k);
	p->val = v;
	p->vallen = strlen(v);
}

#define TOKEN	"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWpr"

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
