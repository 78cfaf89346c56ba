/*
 * cookie: a lenient Cookie header parser.  Browsers send what servers
 * set, and servers set odd things, so a bad pair costs only itself.
 */
#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "cookie.h"
#include "form.h"

/* RFC 9110 tchar. */
static bool
is_tchar(unsigned char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9'))
		return true;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Find the name and value of one "name=value" segment [s, e); false if
 * the pair is malformed.  Nothing is copied.
 */
static bool
cookie_span(const char *s, const char *e, const char **name,
    size_t *namelen, const char **val, size_t *vallen)
{
	const char	*eq, *ne, *v, *q;

	while (s < e && is_ws(*s))
		s++;
	while (e > s && is_ws(e[-1]))
		e--;
	if ((eq = memchr(s, '=', (size_t)(e - s))) == NULL)
		return false;
	for (ne = eq; ne > s && is_ws(ne[-1]); ne--)
		continue;
	if (ne == s)
		return false;
	for (q = s; q < ne; q++)
		if (!is_tchar((unsigned char)*q))
			return false;
	for (v = eq + 1; v < e && is_ws(*v); v++)
		continue;
	if (e - v >= 2 && *v == '"' && e[-1] == '"') {
		v++;
		e--;
	}
	for (q = v; q < e; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			return false;
	*name = s;
	*namelen = (size_t)(ne - s);
	*val = v;
	*vallen = (size_t)(e - v);
	return true;
}

/*
 * Parse the NUL-terminated Cookie header into *pairs / *npairs, allocated
 * from the arena (see cookie.h for the rules).  Returns COOKIE_OK, or a
 * failure with *pairs NULL and *npairs 0.
 */
enum cookie_status
cookie_parse(struct arena *a, const char *header, struct form_pair **pairs,
    size_t *npairs)
{
	struct form_pair	*p;
	const char		*seg, *end, *semi, *name, *val;
	size_t			 len, cap, n, i, namelen, vallen;

	*pairs = NULL;
	*npairs = 0;
	if (header == NULL)
		return COOKIE_OK;
	if ((len = strnlen(header, COOKIE_MAX_HEADER + 1)) > COOKIE_MAX_HEADER)
		return COOKIE_TOO_LONG;
	if (len == 0)
		return COOKIE_OK;

	for (cap = 1, i = 0; i < len; i++)
		if (header[i] == ';')
			cap++;
	if (cap > COOKIE_MAX_PAIRS)
		cap = COOKIE_MAX_PAIRS;
	p = arena_alloc(a, cap * sizeof(*p));

	n = 0;
	end = header + len;
	for (seg = header; seg < end; seg = semi + 1) {
		if ((semi = memchr(seg, ';', (size_t)(end - seg))) == NULL)
			semi = end;
		if (!cookie_span(seg, semi, &name, &namelen, &val, &vallen))
			continue;
		/* Malformed pairs do not count toward the limit. */
		if (n == cap)
			return COOKIE_TOO_MANY;
		p[n].key = arena_strndup(a, name, namelen);
		p[n].keylen = namelen;
		p[n].val = arena_strndup(a, val, vallen);
		p[n].vallen = vallen;
		n++;
	}
	*pairs = n ? p : NULL;
	*npairs = n;
	return COOKIE_OK;
}

/*
 * The value of the first cookie called name (case-sensitive, as cookie
 * names are), or NULL when there is none.  The string is owned by the
 * arena cookie_parse() used.
 */
const char *
cookie_get(const struct form_pair *pairs, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(pairs[i].key, name) == 0)
			return pairs[i].val;
	return NULL;
}
