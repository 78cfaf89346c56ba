/*
 * A request authenticated by a bearer token carries no ambient authority,
 * so sess_csrf_ok() lets it through whatever its CSRF token or Origin.
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
