/*
 * multipart: a push parser for multipart/form-data bodies (RFC 7578).
 * The caller feeds the body in chunks of any size as it reads them; the
 * parser calls back with each part's headers, its data in pieces and its
 * end.  Memory is fixed at creation (one part's headers and a small output
 * buffer), whatever the size of the body or of a part: a file streams
 * through to its callback and is never held whole.  Parts nested inside a
 * part (multipart/mixed) are that part's data, not parsed.
 */
#ifndef AGORA_MULTIPART_H
#define AGORA_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

#define MP_BOUNDARY_MAX	70	/* RFC 2046 */
#define MP_HEADERS_MAX	8192	/* bytes of one part's headers */
#define MP_NAME_MAX	256	/* field name and file name kept per part */
#define MP_TYPE_MAX	128

enum mp_status {
	MP_OK = 0,
	MP_BAD,			/* not multipart as the RFC writes it */
	MP_HEADERS_TOO_LONG,	/* a part's headers past MP_HEADERS_MAX */
	MP_TOO_MANY_PARTS,
	MP_TRUNCATED,		/* the body ended before the final boundary */
	MP_ABORTED,		/* a callback said stop */
};

/* One part's headers, valid during the callbacks of that part. */
struct mp_part {
	char	 name[MP_NAME_MAX];	/* form field name, "" when none */
	char	 filename[MP_NAME_MAX];	/* as sent, "" when none */
	char	 type[MP_TYPE_MAX];	/* declared Content-Type, "" when none */
	bool	 is_file;		/* a filename parameter was present */
};

/* Each returns 0 to go on; anything else stops the parse (MP_ABORTED). */
struct mp_callbacks {
	int	(*begin)(void *arg, const struct mp_part *);
	int	(*data)(void *arg, const char *, size_t);
	int	(*end)(void *arg, const struct mp_part *);
};

struct multipart;

/* Takes the boundary from a Content-Type value ("multipart/form-data;
 * boundary=xyz", quoted or not) into out (MP_BOUNDARY_MAX + 1 bytes).
 * False when the type is not multipart/form-data or the boundary is
 * missing, empty, too long or holds characters RFC 2046 does not allow. */
bool		 mp_boundary(const char *content_type, char *out);
/* A parser for one body; max_parts bounds the number of parts. */
struct multipart *mp_new(const char *boundary, size_t max_parts,
		    const struct mp_callbacks *, void *arg);
/* Feeds the next chunk.  After an error every later call returns it. */
enum mp_status	 mp_feed(struct multipart *, const char *, size_t);
/* The body has ended: MP_OK only if the final boundary was seen. */
enum mp_status	 mp_finish(struct multipart *);
void		 mp_free(struct multipart *);
const char	*mp_status_name(enum mp_status);

#endif
