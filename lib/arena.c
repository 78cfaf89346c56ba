/*
 * arena: a chain of blocks; allocation bumps a pointer.  Large requests
 * get a block of their own so one big body does not waste a block.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "mem.h"

#define ARENA_BLOCK	(64 * 1024)
#define ARENA_ALIGN	16

struct block {
	struct block	*next;
	size_t		 size;	/* usable bytes after the header */
	size_t		 used;
	unsigned char	 data[];
};

struct arena {
	struct block	*head;	/* current block; the first one is kept */
	size_t		 total;	/* bytes handed out since the last reset */
};

static struct block *
block_new(size_t size)
{
	struct block	*b;

	b = x_malloc(sizeof(*b) + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

/* The first offset at or after used whose address is ARENA_ALIGN-aligned. */
static size_t
arena_pad(const struct block *b, size_t used)
{
	uintptr_t	 at = (uintptr_t)(b->data + used);

	return used + ((ARENA_ALIGN - at % ARENA_ALIGN) % ARENA_ALIGN);
}

struct arena *
arena_new(void)
{
	struct arena	*a;

	a = x_calloc(1, sizeof(*a));
	a->head = block_new(ARENA_BLOCK);
	return a;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b;
	size_t		 off;

	n = n ? n : 1;
	if (n > SIZE_MAX / 2)
		n = SIZE_MAX / 2;	/* x_malloc aborts on it */
	off = arena_pad(a->head, a->head->used);
	if (off + n > a->head->size) {
		b = block_new((n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK) + ARENA_ALIGN);
		b->next = a->head;
		a->head = b;
		off = arena_pad(b, 0);
	}
	a->head->used = off + n;
	a->total += n;
	memset(a->head->data + off, 0, n);
	return a->head->data + off;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char	*p;

	p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_reset(struct arena *a)
{
	struct block	*b;

	while (a->head->next != NULL) {
		b = a->head;
		a->head = b->next;
		x_free(b);
	}
	a->head->used = 0;
	a->total = 0;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	x_free(a->head);
	x_free(a);
}
