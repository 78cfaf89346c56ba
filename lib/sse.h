/*
 * sse: Server-Sent Events on the wire (the WHATWG "text/event-stream"
 * format).  An event is optional "id:" and "event:" lines, one "data:"
 * line per line of its data, and a blank line; a comment is a line that
 * starts with ':' and keeps idle proxies from closing the connection;
 * "retry:" tells the browser how long to wait before it reconnects.
 * Every function appends to a struct buf the caller owns.
 *
 * The id a stream sends is a resume mark (struct sse_mark), given back
 * in Last-Event-ID: what the client has of a sequence of ids that may
 * commit out of order.  Its text is "<below>" or "<below>:<id>,<id>..."
 * with the ids above below it has, ascending; "42" is "everything up to
 * 42".
 */
#ifndef AGORA_SSE_H
#define AGORA_SSE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* The largest id a stream sends and accepts back in Last-Event-ID. */
#define SSE_ID_MAX	9007199254740991LL	/* 2^53 - 1: exact in JS */
/* Ids a mark keeps above its floor; a client sent more while a gap is
 * open gives up the newest (see sse_mark_add). */
#define SSE_HAVE_MAX	32
/* A mark's text at most: below, ':' and SSE_HAVE_MAX ids with commas. */
#define SSE_MARK_TEXT	((SSE_HAVE_MAX + 1) * 17 + 1)

/* What a client has: every id up to below, and have[] above it. */
struct sse_mark {
	long long	 below;			/* the floor */
	long long	 have[SSE_HAVE_MAX];	/* ascending, all > below */
	size_t		 nhave;
};

/* Appends an event.  id NULL sends no "id:" line (the browser keeps the
 * last one it saw); event NULL sends no "event:" line (a "message").
 * data is split at CR, LF and CRLF into "data:" lines.  -1, and nothing
 * appended, when id or event is empty or holds a CR or LF, or data is
 * NULL. */
int	 sse_event(struct buf *, const char *id, const char *event,
	    const char *data);
/* Appends a comment, one ':' line per line of text. */
void	 sse_comment(struct buf *, const char *text);
/* Appends the reconnection delay in milliseconds. */
void	 sse_retry(struct buf *, unsigned ms);

/* Parses a mark (Last-Event-ID, header or query value): decimal ids of
 * 0 to SSE_ID_MAX, below first, then ascending ids above it; a plain
 * "0" is no mark.  false for anything else, *m untouched. */
bool	 sse_mark_parse(const char *, struct sse_mark *m);
/* Whether the client has id. */
bool	 sse_mark_has(const struct sse_mark *, long long id);
/* Records id as sent.  A full mark gives up its newest id (this one or
 * the highest it holds): a resume may send that again, never skip one.
 * Ids past SSE_ID_MAX are not recorded. */
void	 sse_mark_add(struct sse_mark *, long long id);
/* Moves below up to floor (never down), dropping the ids it covers. */
void	 sse_mark_raise(struct sse_mark *, long long floor);
/* The mark's text, in buf (SSE_MARK_TEXT bytes); returns buf. */
char	*sse_mark_text(const struct sse_mark *, char buf[SSE_MARK_TEXT]);

#endif
