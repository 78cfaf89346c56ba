/*
 * cookie: the Cookie request header (RFC 6265 section 5.4, parsed
 * leniently as section 5.2 asks of user agents).
 *
 * cookie_parse() splits "a=1; b=2" into pairs, in header order, with
 * duplicates kept (cookie_get() returns the first, which RFC 6265 says is
 * the one with the longest path).  Pairs are separated by ';'; spaces and
 * tabs around names and values are trimmed; a value wrapped in double
 * quotes loses the quotes; nothing is percent-decoded.  A malformed pair
 * is skipped, not fatal: one with no '=', an empty name, a name with a
 * character outside the RFC 9110 token set, or a value holding a control
 * character.  Names and values are NUL-terminated copies in the arena.
 *
 * Failure statuses (on failure *pairs is NULL and *npairs 0):
 *	COOKIE_TOO_LONG		the header is longer than COOKIE_MAX_HEADER
 *	COOKIE_TOO_MANY		more than COOKIE_MAX_PAIRS well-formed pairs
 * A NULL header is an empty one.
 */
#ifndef AGORA_COOKIE_H
#define AGORA_COOKIE_H

#include <stddef.h>

#include "arena.h"
#include "form.h"

#define COOKIE_MAX_PAIRS	50	/* cookies in one header */
#define COOKIE_MAX_HEADER	8192	/* bytes, without the NUL */

enum cookie_status {
	COOKIE_OK = 0,
	COOKIE_TOO_MANY,
	COOKIE_TOO_LONG
};

enum cookie_status cookie_parse(struct arena *, const char *header,
	    struct form_pair **pairs, size_t *npairs);
const char	*cookie_get(const struct form_pair *pairs, size_t n,
		    const char *name);	/* first match or NULL */

#endif
