/*
 * fuzz-form: form_parse on arbitrary bytes with small limits, checking
 * what form.h promises of every accepted pair, that url_encode output
 * parses back to the same bytes, and that every validator (valid.h)
 * survives the same input.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "form.h"
#include "valid.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_FIELDS	8
#define FUZZ_KEY	16
#define FUZZ_VALUE	64

static struct arena	*arena;	/* reused, as a worker reuses its arena */

static void
check_string(const char *s, size_t len, size_t max)
{
	if (s == NULL || len > max || s[len] != '\0' || strlen(s) != len ||
	    !valid_utf8(s, len))
		abort();
}

/*
 * Encoding a decoded pair and parsing it again gives the pair back.
 */
static void
check_roundtrip(const struct form_pair *p)
{
	struct form_pair	*q;
	struct buf		 b;
	size_t			 n;

	buf_init(&b);
	url_encode(&b, p->key);
	buf_putc(&b, '=');
	url_encode(&b, p->val);
	if (form_parse(arena, b.data, b.len, NULL, &q, &n) != FORM_OK)
		abort();
	/* An empty key and value encode to "=", which is still one pair. */
	if (n != 1 || q[0].keylen != p->keylen || q[0].vallen != p->vallen ||
	    memcmp(q[0].key, p->key, p->keylen) != 0 ||
	    memcmp(q[0].val, p->val, p->vallen) != 0)
		abort();
	buf_free(&b);
}

/*
 * Validators must not crash, must give a reason whenever they refuse,
 * and must agree with their NUL-terminated parser counterparts.
 */
static void
check_validators(const char *s, size_t len)
{
	static const char *const choices[] = { "a", "on", "", NULL };
	static const valid_fn fns[] = { valid_text, valid_line, valid_int,
	    valid_uint, valid_id, valid_bool, valid_email, valid_date,
	    valid_datetime, valid_enum };
	static const struct field f = { "f", NULL, 1, 3, choices };
	static const struct field f0 = { "f", NULL, 0, 0, choices };
	const char	*reason, *z;
	size_t		 i;
	int64_t		 id;
	long long	 v;
	bool		 b;

	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		reason = NULL;
		if (!fns[i](&f, s, len, &reason) &&
		    (reason == NULL || strncmp(reason, "valid.", 6) != 0))
			abort();
		reason = NULL;
		if (!fns[i](&f0, s, len, &reason) && reason == NULL)
			abort();
		fns[i](NULL, s, len, NULL);
	}
	z = arena_strndup(arena, s, len);
	if (strlen(z) == len) {
		if (valid_parse_id(z, &id) != valid_id(NULL, s, len, NULL))
			abort();
		if (valid_parse_int(z, LLONG_MIN, LLONG_MAX, &v) !=
		    valid_int(NULL, s, len, NULL))
			abort();
		if (valid_parse_bool(z, &b) != valid_bool(NULL, s, len, NULL))
			abort();
	}
}

/*
 * One input: parse it, check every promise, reset the arena.  Always
 * returns 0; a broken promise aborts.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct form_limits lim =
	    { FUZZ_FIELDS, FUZZ_KEY, FUZZ_VALUE };
	struct form_pair	*p;
	enum form_status	 st;
	size_t			 n, i;

	if (arena == NULL)
		arena = arena_new();
	st = form_parse(arena, (const char *)data, len, &lim, &p, &n);
	if (form_status_str(st) == NULL)
		abort();
	if (st != FORM_OK) {
		if (p != NULL || n != 0)
			abort();
	} else {
		if (n > FUZZ_FIELDS || (n == 0) != (p == NULL))
			abort();
		for (i = 0; i < n; i++) {
			check_string(p[i].key, p[i].keylen, FUZZ_KEY);
			check_string(p[i].val, p[i].vallen, FUZZ_VALUE);
			check_roundtrip(&p[i]);
			check_validators(p[i].val, p[i].vallen);
		}
	}
	check_validators((const char *)data, len);
	arena_reset(arena);
	return 0;
}
