/* mem: allocation failure is fatal, so callers never check for NULL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

static void
oom(size_t n)
{
	fprintf(stderr, "agora: out of memory (%zu bytes)\n", n);
	abort();
}

void *
x_malloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		oom(n);
	return p;
}

void *
x_calloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n ? n : 1, sz ? sz : 1)) == NULL)
		oom(n * sz);
	return p;
}

void *
x_realloc(void *old, size_t n)
{
	void	*p;

	if ((p = realloc(old, n ? n : 1)) == NULL)
		oom(n);
	return p;
}

char *
x_strdup(const char *s)
{
	return x_strndup(s, strlen(s));
}

char *
x_strndup(const char *s, size_t len)
{
	char	*p;

	p = x_malloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void
x_free(void *p)
{
	free(p);
}
