/*
 * fake-resp.h: one request parsed from FastCGI parameters, answered by
 * resp_build() with the templates and catalogs of tests/unit/fixtures/tpl,
 * and the response taken apart again: status line, headers, body.
 */
#ifndef AGORA_FAKE_RESP_H
#define AGORA_FAKE_RESP_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "req.h"
#include "resp.h"
#include "fake-env.h"
#include "check.h"

#define RT_TPL_DIR	"tests/unit/fixtures/tpl"

struct rt {
	struct arena		*a;
	struct req		 r;
	enum http_status	 parsed;	/* what req_parse() returned */
	json_t			*m;		/* the handler's model */
	struct buf		 out;		/* the whole response */
	int			 st;		/* what resp_build() sent */
	char			 hv[512];	/* the last header looked up */
};

/* Loads the fixture templates in strict mode, as the stack runs them. */
static inline void
rt_init(void)
{
	json_t	*apps;

	CHECK(resp_init(RT_TPL_DIR, true) == 0);
	apps = json_pack("[{s:s, s:s}]", "key", "events", "url", "/events");
	resp_set_apps(apps);
	json_decref(apps);
}

/* Parses a request with the parameters env and body (NULL for none); the
 * model starts empty. */
static inline void
rt_begin(struct rt *t, const char *const *env, const char *body)
{
	memset(t, 0, sizeof(*t));
	t->a = arena_new();
	t->parsed = req_parse(&t->r, t->a, envp(t->a, env), body,
	    body != NULL ? strlen(body) : 0, &lim);
	t->m = json_object();
	buf_init(&t->out);
}

/* Answers the request with status st; returns the status sent. */
static inline int
rt_build(struct rt *t, enum http_status st)
{
	buf_reset(&t->out);
	t->st = resp_build(&t->r, st, t->m, &t->out);
	return t->st;
}

static inline void
rt_end(struct rt *t)
{
	req_done(&t->r);
	json_decref(t->m);
	buf_free(&t->out);
	arena_free(t->a);
}

/* The body: everything after the blank line ending the headers. */
static inline const char *
rt_body(const struct rt *t)
{
	const char	*s = strstr(buf_str(&t->out), "\r\n\r\n");

	return s != NULL ? s + 4 : NULL;
}

/*
 * The value of the n-th (from 0) header called name, copied into t->hv,
 * or NULL when there are fewer.  Names compare case-insensitively.
 */
static inline const char *
rt_header_n(struct rt *t, const char *name, int n)
{
	const char	*p, *eol, *end;
	size_t		 nl = strlen(name), vl;

	p = buf_str(&t->out);
	if ((end = strstr(p, "\r\n\r\n")) == NULL)
		return NULL;
	end += 2;
	for (; p < end; p = eol + 2) {
		if ((eol = strstr(p, "\r\n")) == NULL)
			break;
		if (strncasecmp(p, name, nl) != 0 || p[nl] != ':' ||
		    p[nl + 1] != ' ' || n-- > 0)
			continue;
		vl = (size_t)(eol - (p + nl + 2));
		if (vl >= sizeof(t->hv))
			vl = sizeof(t->hv) - 1;
		memcpy(t->hv, p + nl + 2, vl);
		t->hv[vl] = '\0';
		return t->hv;
	}
	return NULL;
}

static inline const char *
rt_header(struct rt *t, const char *name)
{
	return rt_header_n(t, name, 0);
}

/* The Set-Cookie header that sets cookie name, or NULL. */
static inline const char *
rt_set_cookie(struct rt *t, const char *name)
{
	const char	*v;
	size_t		 nl = strlen(name);
	int		 i;

	for (i = 0; (v = rt_header_n(t, "Set-Cookie", i)) != NULL; i++)
		if (strncmp(v, name, nl) == 0 && v[nl] == '=')
			return v;
	return NULL;
}

/* Whether the Content-Length header matches the body actually sent. */
static inline bool
rt_length_ok(struct rt *t)
{
	const char	*v = rt_header(t, "Content-Length");
	const char	*b = rt_body(t);
	char		 want[32];

	if (v == NULL || b == NULL)
		return false;
	snprintf(want, sizeof(want), "%zu", strlen(b));
	return strcmp(v, want) == 0;
}

#endif
