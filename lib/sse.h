/*
 * sse: Server-Sent Events on the wire (the WHATWG "text/event-stream"
 * format).  An event is optional "id:" and "event:" lines, one "data:"
 * line per line of its data, and a blank line; a comment is a line that
 * starts with ':' and keeps idle proxies from closing the connection;
 * "retry:" tells the browser how long to wait before it reconnects.
 * Every function appends to a struct buf the caller owns.
 */
#ifndef AGORA_SSE_H
#define AGORA_SSE_H

#include <stdbool.h>

#include "buf.h"

/* The largest id a stream sends and accepts back in Last-Event-ID. */
#define SSE_ID_MAX	9007199254740991LL	/* 2^53 - 1: exact in JS */

/* Appends an event.  id <= 0 sends no "id:" line (the browser keeps
 * the last one it saw); event NULL sends no "event:" line (a "message").
 * data is split at CR, LF and CRLF into "data:" lines.  -1, and nothing
 * appended, when event is empty or holds a CR or LF, or data is NULL. */
int	 sse_event(struct buf *, long long id, const char *event,
	    const char *data);
/* Appends a comment, one ':' line per line of text. */
void	 sse_comment(struct buf *, const char *text);
/* Appends the reconnection delay in milliseconds. */
void	 sse_retry(struct buf *, unsigned ms);
/* Parses a Last-Event-ID (header or query value): plain decimal digits,
 * 1 to SSE_ID_MAX.  false for anything else, *id untouched. */
bool	 sse_parse_id(const char *, long long *id);

#endif
