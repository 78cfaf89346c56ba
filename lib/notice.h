/*
 * notice: the words of an in-app notification, from the message catalog
 * (notifications.kinds.<type>.<part>) in one language, with {title} (the
 * event's, cut at NOTICE_TITLE_CUT code points) and {when} (its start
 * where it happens) filled in.  The notifier writes a notification's
 * title and body in its recipient's language and keeps what they were
 * drawn from in its params; the list and the stream draw them again in
 * the reader's language.
 */
#ifndef AGORA_NOTICE_H
#define AGORA_NOTICE_H

#include <stddef.h>

#include <jansson.h>

#include "buf.h"

#define NOTICE_TITLE_MAX	200	/* code points, as the column */
#define NOTICE_BODY_MAX		1000

/* The text of part ("title", "body", "body_when"...) of type in lang
 * into b, at most max code points. */
void	 notice_words(struct buf *b, const char *lang, const char *type,
	    const char *part, const char *title, const char *when, size_t max);
/* What notice_words draws a notification's body from, as the JSON text
 * kept in its params column (malloc'd, or NULL). */
char	*notice_params(const char *part, const char *title, const char *when);
/* A notification row's "title" and "body" drawn again in lang from its
 * "params"; lang NULL (a caller who named none), and rows written before
 * params, keep the words of the recipient's language.  "params" goes. */
void	 notice_localize(json_t *row, const char *lang);

#endif
