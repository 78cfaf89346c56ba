/*
 * arena: request-lifetime memory.  Every request gets one; everything
 * allocated from it is freed at once by arena_reset() when the response
 * has gone out.  Allocation failure is fatal (see mem.h).
 */
#ifndef AGORA_ARENA_H
#define AGORA_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena	*arena_new(void);
void		*arena_alloc(struct arena *, size_t);	/* zeroed, 16-aligned */
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 arena_reset(struct arena *);	/* frees all but the first block */
size_t		 arena_used(const struct arena *);
void		 arena_free(struct arena *);	/* arena_free(NULL) is a no-op */

#endif
