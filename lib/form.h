/*
 * form: query strings and application/x-www-form-urlencoded bodies.
 *
 * form_parse() splits "k=v&k=v" into decoded pairs: '+' becomes a space,
 * "%XX" becomes the byte XX, empty pairs ("a=1&&b=2", a trailing '&') are
 * skipped, a key without '=' gets the value "" and a pair with an empty key
 * ("=v") is kept with key "" (as browsers and the WHATWG URL standard do;
 * no declared field matches it).  Every decoded key and value is
 * NUL-terminated, valid UTF-8 and free of NUL bytes, and lives in the
 * arena until it is reset.  Pairs keep the order of the input; duplicate
 * keys are all kept.
 *
 * Failure statuses, checked pair by pair from the left (the first one
 * found wins; on failure *pairs is NULL and *npairs 0):
 *	FORM_TOO_MANY		more than max_fields non-empty pairs
 *	FORM_TOO_LONG		a decoded key longer than max_key bytes or a
 *				decoded value longer than max_value bytes
 *	FORM_BAD_ENCODING	'%' not followed by two hex digits, or a NUL
 *				byte (raw or "%00") in a key or value
 *	FORM_BAD_UTF8		a decoded key or value is not UTF-8 (overlong
 *				forms, surrogates, truncated sequences,
 *				code points above U+10FFFF)
 * A limit of 0 means "no limit"; a NULL limits pointer means the
 * FORM_DEFAULT_* values below.
 *
 * url_encode() is the one escaping function for URL components: it
 * percent-encodes (upper-case hex) every byte except RFC 3986 unreserved
 * characters (ALPHA DIGIT '-' '.' '_' '~'), so its output is safe in a
 * path segment, a query key or a query value.
 */
#ifndef AGORA_FORM_H
#define AGORA_FORM_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"

#define FORM_DEFAULT_FIELDS	256		/* pairs */
#define FORM_DEFAULT_KEY	256		/* bytes, decoded */
#define FORM_DEFAULT_VALUE	(64 * 1024)	/* bytes, decoded */

/* Both strings are decoded, NUL-terminated and owned by the arena. */
struct form_pair {
	const char	*key;
	size_t		 keylen;	/* bytes, not counting the NUL */
	const char	*val;
	size_t		 vallen;	/* bytes, not counting the NUL */
};

struct form_limits {
	size_t	 max_fields;	/* non-empty pairs; 0 = no limit */
	size_t	 max_key;	/* decoded key bytes; 0 = no limit */
	size_t	 max_value;	/* decoded value bytes; 0 = no limit */
};

enum form_status {
	FORM_OK = 0,
	FORM_TOO_MANY,
	FORM_TOO_LONG,
	FORM_BAD_ENCODING,
	FORM_BAD_UTF8
};

enum form_status form_parse(struct arena *, const char *s, size_t len,
	    const struct form_limits *, struct form_pair **pairs,
	    size_t *npairs);
const char	*form_status_str(enum form_status);	/* English, for logs */
size_t		 url_encode(struct buf *out, const char *s); /* bytes added */

#endif
