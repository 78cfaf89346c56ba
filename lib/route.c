/* route: pattern matching over an explicit table. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "route.h"
#include "valid.h"

static const struct {
	const char	*name;
	unsigned	 bit;
} methods[] = {
	{ "GET", M_GET },
	{ "HEAD", M_HEAD },
	{ "POST", M_POST },
	{ "PUT", M_PUT },
	{ "PATCH", M_PATCH },
	{ "DELETE", M_DELETE },
	{ "OPTIONS", M_OPTIONS },
};

unsigned
route_method(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(s, methods[i].name) == 0)
			return methods[i].bit;
	return 0;
}

const char *
route_allow(unsigned mask, char *buf, size_t len)
{
	size_t	 i, off = 0;
	int	 n;

	if (len == 0)
		return "";
	buf[0] = '\0';
	if (mask & M_GET)
		mask |= M_HEAD;
	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		if ((mask & methods[i].bit) == 0)
			continue;
		n = snprintf(buf + off, len - off, "%s%s", off ? ", " : "",
		    methods[i].name);
		if (n < 0 || (size_t)n >= len - off) {
			buf[off] = '\0';	/* whole names only */
			break;
		}
		off += (size_t)n;
	}
	return buf;
}

/* Length of the segment starting at s (up to '/' or the end). */
static size_t
seglen(const char *s)
{
	return strcspn(s, "/");
}

static bool
param_is_id(const char *name, size_t len)
{
	return (len == 2 && memcmp(name, "id", 2) == 0) ||
	    (len > 3 && memcmp(name + len - 3, "_id", 3) == 0);
}

static bool
seg_is_word(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || len > 100)
		return false;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return false;
	return true;
}

/* Matches one pattern against path, filling params.  true on a match. */
static bool
route_match_one(const char *pat, const char *path, struct route_match *m)
{
	size_t		 pl, sl;
	char		 idbuf[24];
	struct route_param *p;

	m->nparams = 0;
	for (;;) {
		if (*pat != *path || *pat != '/')
			return *pat == '\0' && *path == '\0';
		pat++;
		path++;
		pl = seglen(pat);
		sl = seglen(path);
		if (pl > 2 && pat[0] == '{' && pat[pl - 1] == '}') {
			if (m->nparams == ROUTE_MAXPARAMS)
				return false;
			p = &m->params[m->nparams];
			p->name = pat + 1;
			p->namelen = pl - 2;
			p->value = path;
			p->len = sl;
			p->id = 0;
			if (param_is_id(p->name, p->namelen)) {
				if (sl == 0 || sl >= sizeof(idbuf))
					return false;
				memcpy(idbuf, path, sl);
				idbuf[sl] = '\0';
				if (!valid_parse_id(idbuf, &p->id))
					return false;
			} else if (!seg_is_word(path, sl))
				return false;
			m->nparams++;
		} else if (pl != sl || memcmp(pat, path, pl) != 0)
			return false;
		pat += pl;
		path += sl;
	}
}

enum http_status
route_find(const struct route *routes, unsigned method, const char *path,
    struct route_match *m)
{
	const struct route	*r;
	struct route_match	 tmp;
	unsigned		 want;

	memset(m, 0, sizeof(*m));
	want = method == M_HEAD ? M_GET : method;
	for (r = routes; r->pattern != NULL; r++) {
		if (!route_match_one(r->pattern, path, &tmp))
			continue;
		m->allowed |= r->methods;
		if ((r->methods & want) && m->route == NULL) {
			tmp.route = r;
			tmp.allowed = m->allowed;
			*m = tmp;
		}
	}
	if (m->route != NULL)
		return HTTP_OK;
	return m->allowed ? HTTP_METHOD_NOT_ALLOWED : HTTP_NOT_FOUND;
}

/* Two patterns collide when every segment could match the same text:
 * equal literals, or a parameter on either side of the same kind. */
static bool
patterns_collide(const char *a, const char *b)
{
	size_t	 al, bl;
	bool	 ap, bp;

	for (;;) {
		if (*a != *b || *a != '/')
			return *a == '\0' && *b == '\0';
		a++;
		b++;
		al = seglen(a);
		bl = seglen(b);
		ap = al > 2 && a[0] == '{';
		bp = bl > 2 && b[0] == '{';
		if (ap && bp) {
			/* Two parameters of one kind in one place. */
			if (param_is_id(a + 1, al - 2) != param_is_id(b + 1, bl - 2))
				return false;
		} else if (ap || bp) {
			return false;	/* the literal is tried as written */
		} else if (al != bl || memcmp(a, b, al) != 0)
			return false;
		a += al;
		b += bl;
	}
}

static bool
pattern_ok(const char *p)
{
	size_t	 l, nparams = 0;

	if (*p != '/')
		return false;
	if (strcmp(p, "/") == 0)
		return true;
	while (*p == '/') {
		p++;
		l = seglen(p);
		if (l == 0)
			return false;
		if (p[0] == '{' && (l < 3 || p[l - 1] != '}' ||
		    memchr(p + 1, '{', l - 1) != NULL ||
		    ++nparams > ROUTE_MAXPARAMS))
			return false;
		p += l;
	}
	return *p == '\0';
}

int
route_check(const struct route *routes, char *err, size_t errlen)
{
	const struct route	*a, *b;

	for (a = routes; a->pattern != NULL; a++) {
		if (!pattern_ok(a->pattern) || a->fn == NULL || a->methods == 0) {
			snprintf(err, errlen, "bad route \"%s\"", a->pattern);
			return -1;
		}
		for (b = routes; b != a; b++)
			if ((a->methods & b->methods) &&
			    patterns_collide(a->pattern, b->pattern)) {
				snprintf(err, errlen, "routes \"%s\" and \"%s\" "
				    "answer the same requests", b->pattern,
				    a->pattern);
				return -1;
			}
	}
	return 0;
}
