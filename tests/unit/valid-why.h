/*
 * valid-why.h: what a validator says about one value, as a string the
 * unit tests compare: "ok", or the reason key it gave for refusing it.
 */
#ifndef AGORA_VALID_WHY_H
#define AGORA_VALID_WHY_H

#include <stddef.h>
#include <string.h>

#include "valid.h"

/* A string literal and its length, embedded NULs included. */
#define S(lit)	(lit), (sizeof(lit) - 1)

/* "ok", or the reason fn gave for refusing s; "(reason set)" when fn
 * accepted s but set a reason all the same. */
static inline const char *
why(valid_fn fn, const struct field *f, const char *s, size_t len)
{
	const char	*reason = "(unset)";

	if (fn(f, s, len, &reason))
		return strcmp(reason, "(unset)") == 0 ? "ok" : "(reason set)";
	return reason;
}

#endif
