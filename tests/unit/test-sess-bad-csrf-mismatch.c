/*
 * sess_csrf_ok() refuses a token that differs from the cookie: another
 * token, a prefix, a longer one, another case; the header is not a second
 * chance when it is wrong.
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
