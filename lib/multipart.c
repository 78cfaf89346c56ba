/*
 * multipart: the body is scanned byte by byte for the delimiter
 * "\r\n--boundary" with a Knuth-Morris-Pratt table, so a delimiter split
 * across two reads is found as surely as one inside a read, and bytes that
 * only looked like the start of one go out as data.  The body's first
 * delimiter has no CRLF before it: the scan starts as if one had been seen.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "multipart.h"

#define MP_DELIM_MAX	(4 + MP_BOUNDARY_MAX)
#define MP_OUT		8192

enum mp_state {
	ST_PREAMBLE,	/* before the first delimiter: ignored */
	ST_AFTER,	/* just past a delimiter: "--" or CRLF */
	ST_HEADERS,
	ST_DATA,
	ST_EPILOGUE,	/* after the final delimiter: ignored */
	ST_ERROR,
};

struct multipart {
	const struct mp_callbacks *cb;
	void		*arg;
	enum mp_state	 state;
	enum mp_status	 error;
	char		 delim[MP_DELIM_MAX + 1];
	size_t		 dlen;
	size_t		 fail[MP_DELIM_MAX + 1];
	size_t		 k;		/* delimiter bytes matched so far */
	int		 after;		/* ST_AFTER: 0, then the last of - \r sp */
	char		 hdr[MP_HEADERS_MAX];
	size_t		 hlen;
	size_t		 parts, max_parts;
	struct mp_part	 part;
	char		 out[MP_OUT];
	size_t		 olen;
};

static const char bchars[] = "0123456789abcdefghijklmnopqrstuvwxyz"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

bool
mp_boundary(const char *ct, char *out)
{
	const char	*p, *e;
	size_t		 n;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return false;
	p = ct + 19;
	while (*p != '\0') {
		while (*p == ';' || *p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) == 0) {
			p += 9;
			if (*p == '"') {
				if ((e = strchr(++p, '"')) == NULL)
					return false;
			} else
				e = p + strcspn(p, "; \t");
			n = (size_t)(e - p);
			if (n == 0 || n > MP_BOUNDARY_MAX ||
			    strspn(p, bchars) < n || p[n - 1] == ' ')
				return false;
			memcpy(out, p, n);
			out[n] = '\0';
			return true;
		}
		p += strcspn(p, ";");
	}
	return false;
}

struct multipart *
mp_new(const char *boundary, size_t max_parts, const struct mp_callbacks *cb,
    void *arg)
{
	struct multipart	*mp;
	size_t			 i, j;

	if (strlen(boundary) == 0 || strlen(boundary) > MP_BOUNDARY_MAX)
		return NULL;
	mp = x_calloc(1, sizeof(*mp));
	mp->cb = cb;
	mp->arg = arg;
	mp->max_parts = max_parts;
	mp->dlen = (size_t)snprintf(mp->delim, sizeof(mp->delim), "\r\n--%s",
	    boundary);
	/* fail[k]: the longest proper prefix of delim[0..k) that is also
	 * its suffix, where a partial match resumes after a mismatch. */
	mp->fail[0] = mp->fail[1] = 0;
	for (i = 1, j = 0; i < mp->dlen; i++) {
		while (j > 0 && mp->delim[i] != mp->delim[j])
			j = mp->fail[j];
		if (mp->delim[i] == mp->delim[j])
			j++;
		mp->fail[i + 1] = j;
	}
	mp->state = ST_PREAMBLE;
	mp->k = 2;		/* the body may open with the delimiter's "--" */
	return mp;
}

void
mp_free(struct multipart *mp)
{
	x_free(mp);
}

const char *
mp_status_name(enum mp_status st)
{
	switch (st) {
	case MP_OK:
		return "ok";
	case MP_BAD:
		return "malformed";
	case MP_HEADERS_TOO_LONG:
		return "part headers too long";
	case MP_TOO_MANY_PARTS:
		return "too many parts";
	case MP_TRUNCATED:
		return "truncated";
	case MP_ABORTED:
		return "aborted";
	}
	return "unknown";
}

static enum mp_status
mp_fail(struct multipart *mp, enum mp_status st)
{
	mp->state = ST_ERROR;
	mp->error = st;
	return st;
}

static int
mp_flush(struct multipart *mp)
{
	int	 rc = 0;

	if (mp->olen > 0 && mp->state == ST_DATA && mp->cb->data != NULL)
		rc = mp->cb->data(mp->arg, mp->out, mp->olen);
	mp->olen = 0;
	return rc;
}

/* Part data (dropped outside a part), through the output buffer. */
static int
mp_emit(struct multipart *mp, const char *p, size_t n)
{
	size_t	 room;

	if (mp->state != ST_DATA)
		return 0;
	while (n > 0) {
		room = MP_OUT - mp->olen;
		if (room > n)
			room = n;
		memcpy(mp->out + mp->olen, p, room);
		mp->olen += room;
		p += room;
		n -= room;
		if (mp->olen == MP_OUT && mp_flush(mp) != 0)
			return -1;
	}
	return 0;
}

/* Copies at most max - 1 bytes, never ending inside a UTF-8 sequence. */
static void
mp_copy(char *dst, size_t max, const char *src, size_t n)
{
	if (n >= max) {
		n = max - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* One parameter value of Content-Disposition, token or quoted string;
 * advances *pp past it.  The value goes to dst (unquoted). */
static bool
mp_param_value(const char **pp, const char *end, char *dst, size_t max)
{
	const char	*p = *pp;
	size_t		 n = 0;
	bool		 cut = false;

	if (p < end && *p == '"') {
		for (p++; p < end && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < end)
				p++;
			if (n + 1 < max)
				dst[n++] = *p;
			else
				cut = true;
		}
		if (p >= end)
			return false;
		p++;
		/* A cut inside a UTF-8 sequence drops its first bytes. */
		if (cut) {
			while (n > 0 && ((unsigned char)dst[n - 1] & 0xc0) ==
			    0x80)
				n--;
			if (n > 0 && (unsigned char)dst[n - 1] >= 0xc0)
				n--;
		}
		dst[n] = '\0';
	} else {
		const char *s = p;

		while (p < end && *p != ';' && *p != ' ' && *p != '\t')
			p++;
		mp_copy(dst, max, s, (size_t)(p - s));
	}
	*pp = p;
	return true;
}

static bool
mp_disposition(struct mp_part *part, const char *p, const char *end)
{
	char		 key[32], scratch[MP_NAME_MAX];
	const char	*k;
	size_t		 kn;

	if ((size_t)(end - p) < 9 || strncasecmp(p, "form-data", 9) != 0)
		return false;
	p += 9;
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			return true;
		if (*p++ != ';')
			return false;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		for (k = p; p < end && *p != '=' && *p != ';'; p++)
			;
		if (p == end || *p != '=')
			return false;
		kn = (size_t)(p - k);
		while (kn > 0 && (k[kn - 1] == ' ' || k[kn - 1] == '\t'))
			kn--;
		mp_copy(key, sizeof(key), k, kn);
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (strcasecmp(key, "name") == 0) {
			if (!mp_param_value(&p, end, part->name,
			    sizeof(part->name)))
				return false;
		} else if (strcasecmp(key, "filename") == 0) {
			if (!mp_param_value(&p, end, part->filename,
			    sizeof(part->filename)))
				return false;
			part->is_file = true;
		} else if (!mp_param_value(&p, end, scratch, sizeof(scratch)))
			return false;
	}
}

/* The part's header block (without its final empty line). */
static bool
mp_headers(struct mp_part *part, const char *h, size_t n)
{
	const char	*line, *eol, *end = h + n, *colon, *v;
	size_t		 nl;

	memset(part, 0, sizeof(*part));
	for (line = h; line < end; line = eol + 2) {
		if ((eol = memmem(line, (size_t)(end - line), "\r\n", 2)) ==
		    NULL)
			eol = end;
		if (eol == line)
			continue;
		/* Folded lines are obsolete (RFC 7230) and refused. */
		if (*line == ' ' || *line == '\t')
			return false;
		if ((colon = memchr(line, ':', (size_t)(eol - line))) == NULL)
			return false;
		nl = (size_t)(colon - line);
		for (v = colon + 1; v < eol && (*v == ' ' || *v == '\t'); v++)
			;
		if (memchr(line, '\0', (size_t)(eol - line)) != NULL)
			return false;
		if (nl == 19 && strncasecmp(line, "Content-Disposition", 19) == 0) {
			if (!mp_disposition(part, v, eol))
				return false;
		} else if (nl == 12 && strncasecmp(line, "Content-Type", 12) == 0) {
			if ((size_t)(eol - v) >= sizeof(part->type))
				return false;
			memcpy(part->type, v, (size_t)(eol - v));
			part->type[eol - v] = '\0';
		}
		if (eol == end)
			break;
	}
	return true;
}

/* A byte of the header block; at its end, the part begins. */
static enum mp_status
mp_header_byte(struct multipart *mp, char c)
{
	if (mp->hlen == sizeof(mp->hdr))
		return mp_fail(mp, MP_HEADERS_TOO_LONG);
	mp->hdr[mp->hlen++] = c;
	if (mp->hlen == 2 && memcmp(mp->hdr, "\r\n", 2) == 0)
		mp->hlen = 0;		/* no headers at all */
	else if (mp->hlen < 4 || memcmp(mp->hdr + mp->hlen - 4, "\r\n\r\n",
	    4) != 0)
		return MP_OK;
	else
		mp->hlen -= 4;
	if (!mp_headers(&mp->part, mp->hdr, mp->hlen))
		return mp_fail(mp, MP_BAD);
	mp->hlen = 0;
	mp->state = ST_DATA;
	if (mp->cb->begin != NULL && mp->cb->begin(mp->arg, &mp->part) != 0)
		return mp_fail(mp, MP_ABORTED);
	return MP_OK;
}

/* A byte just past a delimiter: "--" ends the body, optional blanks and
 * CRLF open the next part. */
static enum mp_status
mp_after_byte(struct multipart *mp, char c)
{
	switch (mp->after) {
	case 0:
	case ' ':
		if (c == '-' && mp->after == 0)
			mp->after = '-';
		else if (c == ' ' || c == '\t')
			mp->after = ' ';
		else if (c == '\r')
			mp->after = '\r';
		else
			return mp_fail(mp, MP_BAD);
		return MP_OK;
	case '-':
		if (c != '-')
			return mp_fail(mp, MP_BAD);
		mp->state = ST_EPILOGUE;
		return MP_OK;
	default:
		if (c != '\n')
			return mp_fail(mp, MP_BAD);
		if (++mp->parts > mp->max_parts)
			return mp_fail(mp, MP_TOO_MANY_PARTS);
		mp->state = ST_HEADERS;
		mp->hlen = 0;
		return MP_OK;
	}
}

/* Scans part data (or the preamble) for the delimiter.  Returns how many
 * bytes of p were consumed: all of them, or up to the delimiter's end. */
static size_t
mp_scan(struct multipart *mp, const char *p, size_t n, enum mp_status *st)
{
	const char	*d = mp->delim, *cr;
	size_t		 i = 0, nk;

	*st = MP_OK;
	while (i < n) {
		if (mp->k == 0) {
			/* Outside a partial match: everything before the
			 * next CR is data. */
			if ((cr = memchr(p + i, d[0], n - i)) == NULL)
				cr = p + n;
			if (mp_emit(mp, p + i, (size_t)(cr - (p + i))) != 0)
				goto abort;
			i = (size_t)(cr - p);
			if (i == n)
				break;
		}
		while (mp->k > 0 && p[i] != d[mp->k]) {
			/* These matched bytes were data after all. */
			nk = mp->fail[mp->k];
			if (mp_emit(mp, d, mp->k - nk) != 0)
				goto abort;
			mp->k = nk;
		}
		if (p[i] == d[mp->k])
			mp->k++;
		else if (mp_emit(mp, p + i, 1) != 0)
			goto abort;
		i++;
		if (mp->k == mp->dlen) {
			mp->k = 0;
			if (mp->state == ST_DATA) {
				if (mp_flush(mp) != 0 || (mp->cb->end != NULL &&
				    mp->cb->end(mp->arg, &mp->part) != 0))
					goto abort;
			}
			mp->state = ST_AFTER;
			mp->after = 0;
			break;
		}
	}
	return i;
abort:
	*st = mp_fail(mp, MP_ABORTED);
	return n;
}

enum mp_status
mp_feed(struct multipart *mp, const char *p, size_t n)
{
	enum mp_status	 st = MP_OK;
	size_t		 i = 0;

	while (i < n && mp->state != ST_ERROR) {
		switch (mp->state) {
		case ST_PREAMBLE:
		case ST_DATA:
			i += mp_scan(mp, p + i, n - i, &st);
			break;
		case ST_AFTER:
			st = mp_after_byte(mp, p[i++]);
			break;
		case ST_HEADERS:
			st = mp_header_byte(mp, p[i++]);
			break;
		case ST_EPILOGUE:
			return MP_OK;
		case ST_ERROR:
			break;
		}
	}
	if (mp->state == ST_ERROR)
		return mp->error;
	/* Data held back is only what might still be a delimiter. */
	if (mp->state == ST_DATA && mp_flush(mp) != 0)
		return mp_fail(mp, MP_ABORTED);
	return st;
}

enum mp_status
mp_finish(struct multipart *mp)
{
	if (mp->state == ST_ERROR)
		return mp->error;
	if (mp->state != ST_EPILOGUE)
		return mp_fail(mp, MP_TRUNCATED);
	return MP_OK;
}
