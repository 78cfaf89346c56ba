/*
 * mem: allocation that never returns NULL.  Running out of memory aborts
 * the worker (the supervisor starts a new one); body and field limits keep
 * request input from ever reaching that path.
 */
#ifndef AGORA_MEM_H
#define AGORA_MEM_H

#include <stddef.h>

void	*x_malloc(size_t);
void	*x_calloc(size_t, size_t);
void	*x_realloc(void *, size_t);
char	*x_strdup(const char *);
char	*x_strndup(const char *, size_t);
void	 x_free(void *);		/* x_free(NULL) is a no-op */

#endif
