/*
 * An empty agora_csrf cookie with an empty "_csrf" field is no token at
 * all: sess_csrf_ok() must refuse it, as sess_csrf() would never have
 * issued such a token (it accepts only 32 to 64 characters).
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
