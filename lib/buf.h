/*
 * buf: a growable byte buffer, always NUL-terminated.  The buffer owns its
 * memory until buf_release() hands it to the caller or buf_free() drops it.
 */
#ifndef AGORA_BUF_H
#define AGORA_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;		/* NUL-terminated; NULL until first write */
	size_t	 len;		/* bytes used, not counting the NUL */
	size_t	 cap;		/* bytes allocated */
};

void	 buf_init(struct buf *);
void	 buf_append(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 buf_reset(struct buf *);	/* empties it, keeps the memory */
char	*buf_release(struct buf *);	/* caller owns the result */
void	 buf_free(struct buf *);
const char *buf_str(const struct buf *); /* "" when empty */

#endif
