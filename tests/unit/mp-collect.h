/*
 * mp-collect.h: runs the multipart parser over a body fed in chunks of a
 * chosen size and records what the callbacks saw, for the multipart tests.
 */
#ifndef AGORA_MP_COLLECT_H
#define AGORA_MP_COLLECT_H

#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "multipart.h"

struct mp_seen {
	size_t		 nparts;
	char		 names[8][MP_NAME_MAX];
	char		 files[8][MP_NAME_MAX];
	char		 types[8][MP_TYPE_MAX];
	struct buf	 data[8];	/* each part's bytes */
	size_t		 ends;
	size_t		 max_piece;	/* largest data callback */
};

static int
seen_begin(void *arg, const struct mp_part *p)
{
	struct mp_seen	*s = arg;

	if (s->nparts == 8)
		return -1;
	strcpy(s->names[s->nparts], p->name);
	strcpy(s->files[s->nparts], p->filename);
	strcpy(s->types[s->nparts], p->type);
	buf_init(&s->data[s->nparts]);
	s->nparts++;
	return 0;
}

static int
seen_data(void *arg, const char *d, size_t n)
{
	struct mp_seen	*s = arg;

	buf_append(&s->data[s->nparts - 1], d, n);
	if (n > s->max_piece)
		s->max_piece = n;
	return 0;
}

static int
seen_end(void *arg, const struct mp_part *p)
{
	struct mp_seen	*s = arg;

	(void)p;
	s->ends++;
	return 0;
}

static const struct mp_callbacks seen_cb = { seen_begin, seen_data, seen_end };

/* Feeds body in pieces of chunk bytes; the status of mp_finish() or of
 * the first failing mp_feed(). */
static inline enum mp_status
mp_run(const char *boundary, const char *body, size_t len, size_t chunk,
    struct mp_seen *s)
{
	struct multipart	*mp;
	enum mp_status		 st = MP_OK;
	size_t			 i, n;

	memset(s, 0, sizeof(*s));
	mp = mp_new(boundary, 8, &seen_cb, s);
	for (i = 0; i < len && st == MP_OK; i += n) {
		n = len - i < chunk ? len - i : chunk;
		st = mp_feed(mp, body + i, n);
	}
	if (st == MP_OK)
		st = mp_finish(mp);
	mp_free(mp);
	return st;
}

static inline void
mp_seen_free(struct mp_seen *s)
{
	size_t	 i;

	for (i = 0; i < s->nparts; i++)
		buf_free(&s->data[i]);
}

#endif
