/* sse: text/event-stream framing. */
#include <stdio.h>
#include <string.h>

#include "sse.h"

/* Appends "<field>: <line>\n" for each line of s. */
static void
sse_lines(struct buf *b, const char *field, const char *s)
{
	size_t	 n;

	for (;;) {
		n = strcspn(s, "\r\n");
		buf_puts(b, field);
		buf_append(b, s, n);
		buf_putc(b, '\n');
		s += n;
		if (*s == '\0')
			break;
		/* CRLF is one line end, as the parser reads it. */
		if (s[0] == '\r' && s[1] == '\n')
			s++;
		s++;
	}
}

int
sse_event(struct buf *b, const char *id, const char *event, const char *data)
{
	if (data == NULL)
		return -1;
	if (id != NULL && (*id == '\0' || strpbrk(id, "\r\n") != NULL))
		return -1;
	if (event != NULL && (*event == '\0' || strpbrk(event, "\r\n") != NULL))
		return -1;
	if (id != NULL)
		buf_printf(b, "id: %s\n", id);
	if (event != NULL)
		buf_printf(b, "event: %s\n", event);
	sse_lines(b, "data: ", data);
	buf_putc(b, '\n');
	return 0;
}

void
sse_comment(struct buf *b, const char *text)
{
	sse_lines(b, ": ", text != NULL ? text : "");
	buf_putc(b, '\n');
}

void
sse_retry(struct buf *b, unsigned ms)
{
	buf_printf(b, "retry: %u\n\n", ms);
}

/* One id of a mark: 1 to 16 digits, at most SSE_ID_MAX; *end after it. */
static bool
mark_id(const char *s, const char **end, long long *id)
{
	long long	 v = 0;
	const char	*p;

	for (p = s; *p >= '0' && *p <= '9'; p++) {
		if (p - s == 16)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (p == s || v > SSE_ID_MAX)
		return false;
	*end = p;
	*id = v;
	return true;
}

bool
sse_mark_parse(const char *s, struct sse_mark *m)
{
	struct sse_mark	 t = { 0, { 0 }, 0 };
	long long	 id, last;

	if (s == NULL || !mark_id(s, &s, &t.below))
		return false;
	last = t.below;
	if (*s == ':') {
		do {
			if (t.nhave == SSE_HAVE_MAX || !mark_id(s + 1, &s, &id) ||
			    id <= last)
				return false;
			t.have[t.nhave++] = last = id;
		} while (*s == ',');
	}
	if (*s != '\0' || (t.below == 0 && t.nhave == 0))
		return false;
	*m = t;
	return true;
}

bool
sse_mark_has(const struct sse_mark *m, long long id)
{
	size_t	 i;

	if (id <= m->below)
		return true;
	for (i = 0; i < m->nhave; i++)
		if (m->have[i] == id)
			return true;
	return false;
}

void
sse_mark_add(struct sse_mark *m, long long id)
{
	size_t	 i;

	if (id > SSE_ID_MAX || sse_mark_has(m, id))
		return;
	/* Full, the newest id is given up: the client may be sent it again
	 * on its resume, but no row below the floor is claimed unsent. */
	if (m->nhave == SSE_HAVE_MAX) {
		if (id > m->have[SSE_HAVE_MAX - 1])
			return;
		m->nhave--;
	}
	for (i = m->nhave; i > 0 && m->have[i - 1] > id; i--)
		m->have[i] = m->have[i - 1];
	m->have[i] = id;
	m->nhave++;
}

void
sse_mark_raise(struct sse_mark *m, long long floor)
{
	size_t	 i, j;

	if (floor <= m->below)
		return;
	m->below = floor;
	for (i = j = 0; i < m->nhave; i++)
		if (m->have[i] > floor)
			m->have[j++] = m->have[i];
	m->nhave = j;
}

char *
sse_mark_text(const struct sse_mark *m, char buf[SSE_MARK_TEXT])
{
	size_t	 i, n;

	n = (size_t)snprintf(buf, SSE_MARK_TEXT, "%lld", m->below);
	for (i = 0; i < m->nhave && n < SSE_MARK_TEXT; i++)
		n += (size_t)snprintf(buf + n, SSE_MARK_TEXT - n, "%c%lld",
		    i == 0 ? ':' : ',', m->have[i]);
	return buf;
}
