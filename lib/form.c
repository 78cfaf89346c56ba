/*
 * form: percent-decoding of query strings and urlencoded bodies, and the
 * matching encoder.  Decoding is done by hand: it is a few lines, and it
 * lets a raw or decoded NUL be told apart from bad UTF-8.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "form.h"

static const struct form_limits form_default_limits = {
	FORM_DEFAULT_FIELDS,	/* max_fields */
	FORM_DEFAULT_KEY,	/* max_key */
	FORM_DEFAULT_VALUE,	/* max_value */
};

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool
utf8_ok(const char *s, size_t len)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 i;

	for (i = 0; i < len; i += (size_t)n) {
		/* ASCII needs no decoding; most form data is ASCII. */
		if ((unsigned char)s[i] < 0x80) {
			n = 1;
			continue;
		}
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return false;
	}
	return true;
}

/*
 * Decode raw[0..rawlen) into a fresh arena string.  The decoded form is
 * never longer than the raw one, so one allocation of rawlen + 1 is enough.
 */
static enum form_status
decode(struct arena *a, const char *raw, size_t rawlen, size_t max,
    const char **out, size_t *outlen)
{
	char	*d;
	size_t	 i, n;
	int	 hi, lo;

	d = arena_alloc(a, rawlen + 1);
	for (i = n = 0; i < rawlen; i++) {
		if (raw[i] == '+')
			d[n++] = ' ';
		else if (raw[i] == '%') {
			if (rawlen - i < 3)
				return FORM_BAD_ENCODING;
			hi = hexval((unsigned char)raw[i + 1]);
			lo = hexval((unsigned char)raw[i + 2]);
			if (hi < 0 || lo < 0)
				return FORM_BAD_ENCODING;
			d[n++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[n++] = raw[i];
		if (d[n - 1] == '\0')
			return FORM_BAD_ENCODING;
	}
	d[n] = '\0';
	if (max != 0 && n > max)
		return FORM_TOO_LONG;
	if (!utf8_ok(d, n))
		return FORM_BAD_UTF8;
	*out = d;
	*outlen = n;
	return FORM_OK;
}

/*
 * Parse the urlencoded string s[0..len) into *pairs / *npairs, allocated
 * from the arena (see form.h for the rules).  s need not be NUL-terminated.
 * Returns FORM_OK, or the first failure found with *pairs NULL and
 * *npairs 0.
 */
enum form_status
form_parse(struct arena *a, const char *s, size_t len,
    const struct form_limits *lim, struct form_pair **pairs, size_t *npairs)
{
	struct form_pair	*p;
	enum form_status	 st;
	const char		*seg, *end, *amp, *eq;
	size_t			 cap, n, i;

	*pairs = NULL;
	*npairs = 0;
	if (lim == NULL)
		lim = &form_default_limits;
	if (len == 0)
		return FORM_OK;

	/* Every pair but the last ends in '&': that bounds the count. */
	for (cap = 1, i = 0; i < len; i++)
		if (s[i] == '&')
			cap++;
	if (lim->max_fields != 0 && cap > lim->max_fields)
		cap = lim->max_fields;
	p = arena_alloc(a, cap * sizeof(*p));

	n = 0;
	end = s + len;
	for (seg = s; seg < end; seg = amp + 1) {
		if ((amp = memchr(seg, '&', (size_t)(end - seg))) == NULL)
			amp = end;
		if (amp == seg)
			continue;
		if (n == cap)
			return FORM_TOO_MANY;
		if ((eq = memchr(seg, '=', (size_t)(amp - seg))) == NULL)
			eq = amp;
		st = decode(a, seg, (size_t)(eq - seg), lim->max_key,
		    &p[n].key, &p[n].keylen);
		if (st != FORM_OK)
			return st;
		st = decode(a, eq == amp ? amp : eq + 1,
		    eq == amp ? 0 : (size_t)(amp - eq - 1), lim->max_value,
		    &p[n].val, &p[n].vallen);
		if (st != FORM_OK)
			return st;
		n++;
	}
	*pairs = n ? p : NULL;
	*npairs = n;
	return FORM_OK;
}

/*
 * An English description of a form_parse() status, for log lines.  The
 * string is static.
 */
const char *
form_status_str(enum form_status st)
{
	switch (st) {
	case FORM_OK:
		return "ok";
	case FORM_TOO_MANY:
		return "too many fields";
	case FORM_TOO_LONG:
		return "field name or value too long";
	case FORM_BAD_ENCODING:
		return "bad percent-encoding or NUL byte";
	case FORM_BAD_UTF8:
		return "field name or value is not valid UTF-8";
	}
	return "unknown form status";
}

/*
 * Append the NUL-terminated s to out with every byte that is not an RFC
 * 3986 unreserved character written as %XX (upper-case hex).  Returns the
 * number of bytes appended.
 */
size_t
url_encode(struct buf *out, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	size_t			 n;
	char			 esc[3];

	for (n = 0, p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			buf_putc(out, *p);
			n++;
			continue;
		}
		esc[0] = '%';
		esc[1] = hex[*p >> 4];
		esc[2] = hex[*p & 0x0f];
		buf_append(out, esc, sizeof(esc));
		n += sizeof(esc);
	}
	return n;
}
