/*
 * fake-req.h: a request put together by hand for the unit tests that
 * take a struct req (the session and CSRF checks): FastCGI parameters,
 * cookies and form fields, as req_parse() would leave them, with no
 * FastCGI, arena or body behind it.
 */
#ifndef AGORA_FAKE_REQ_H
#define AGORA_FAKE_REQ_H

#include <stdio.h>
#include <string.h>

#include "req.h"

/* A well-formed CSRF token, as sess_csrf() would issue it. */
#define TOKEN	"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWpr"

struct fake {
	struct req		 r;
	char			*env[8];
	struct form_pair	 cookies[4];
	struct form_pair	 pairs[4];
	char			 store[8][128];
};

/* Empties f: no parameters, cookies or fields; language "es". */
static inline void
fake_init(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->r.env = f->env;
	f->r.cookies = f->cookies;
	f->r.pairs = f->pairs;
	f->r.lang = "es";
}

/* Stores a copy of s so env entries can be writable strings. */
static inline char *
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

/* Adds the FastCGI parameter kv ("NAME=value"). */
static inline void
fake_env(struct fake *f, const char *kv)
{
	size_t	 i;

	for (i = 0; f->env[i] != NULL; i++)
		continue;
	f->env[i] = fake_str(f, kv);
}

/* Fills one pair with k and v; both strings must outlive the fake. */
static inline void
fake_set(struct form_pair *p, const char *k, const char *v)
{
	p->key = k;
	p->keylen = strlen(k);
	p->val = v;
	p->vallen = strlen(v);
}

/* Adds the cookie k=v. */
static inline void
fake_cookie(struct fake *f, const char *k, const char *v)
{
	fake_set(&f->cookies[f->r.ncookies++], k, v);
}

/* Adds the form field k=v. */
static inline void
fake_pair(struct fake *f, const char *k, const char *v)
{
	fake_set(&f->pairs[f->r.npairs++], k, v);
}

#endif
