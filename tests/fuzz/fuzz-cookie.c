/*
 * fuzz-cookie: cookie_parse on a NUL-terminated copy of arbitrary bytes,
 * checking what cookie.h promises of every pair it keeps.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cookie.h"
#include "form.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct arena	*arena;	/* reused, as a worker reuses its arena */

static void
check_pair(const struct form_pair *pairs, size_t n, size_t i)
{
	const struct form_pair	*p = &pairs[i];
	const char		*v;
	size_t			 j;

	if (p->keylen == 0 || strlen(p->key) != p->keylen ||
	    strlen(p->val) != p->vallen)
		abort();
	/* Names are tokens: no separators, blanks or controls. */
	for (j = 0; j < p->keylen; j++)
		if ((unsigned char)p->key[j] <= 0x20 ||
		    (unsigned char)p->key[j] >= 0x7f ||
		    strchr("\"(),/:;<=>?@[\\]{}", p->key[j]) != NULL)
			abort();
	for (j = 0; j < p->vallen; j++)
		if ((unsigned char)p->val[j] < 0x20 || p->val[j] == 0x7f ||
		    p->val[j] == ';')
			abort();
	/* cookie_get finds the first pair of this name. */
	if ((v = cookie_get(pairs, n, p->key)) == NULL)
		abort();
	for (j = 0; j < i; j++)
		if (strcmp(pairs[j].key, p->key) == 0)
			break;
	if (v != pairs[j].val)
		abort();
}

/*
 * One input: parse it as a header, check every promise, reset the arena.
 * Always returns 0; a broken promise aborts.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct form_pair	*p;
	enum cookie_status	 st;
	char			*hdr;
	size_t			 n, i;

	if (arena == NULL)
		arena = arena_new();
	if ((hdr = malloc(len + 1)) == NULL)
		abort();
	memcpy(hdr, data, len);
	hdr[len] = '\0';
	st = cookie_parse(arena, hdr, &p, &n);
	switch (st) {
	case COOKIE_OK:
		if (n > COOKIE_MAX_PAIRS || (n == 0) != (p == NULL))
			abort();
		for (i = 0; i < n; i++)
			check_pair(p, n, i);
		break;
	case COOKIE_TOO_LONG:
		if (strlen(hdr) <= COOKIE_MAX_HEADER || p != NULL || n != 0)
			abort();
		break;
	case COOKIE_TOO_MANY:
		if (p != NULL || n != 0)
			abort();
		break;
	default:
		abort();
	}
	free(hdr);
	arena_reset(arena);
	return 0;
}
