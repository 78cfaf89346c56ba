/* sse: text/event-stream framing. */
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
sse_event(struct buf *b, long long id, const char *event, const char *data)
{
	if (data == NULL)
		return -1;
	if (event != NULL && (*event == '\0' || strpbrk(event, "\r\n") != NULL))
		return -1;
	if (id > 0)
		buf_printf(b, "id: %lld\n", id);
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

bool
sse_parse_id(const char *s, long long *id)
{
	long long	 v = 0;
	const char	*p;

	if (s == NULL || *s == '\0' || strlen(s) > 16)
		return false;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > SSE_ID_MAX)
		return false;
	*id = v;
	return true;
}
