/*
 * form-status.h: the status of one form_parse() of a string, for the unit
 * tests of malformed and oversized input, checking on the way that a
 * refused string leaves nothing half-parsed behind.
 */
#ifndef AGORA_FORM_STATUS_H
#define AGORA_FORM_STATUS_H

#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

/* Parses s with lim (NULL for the defaults) and returns the status. */
static inline enum form_status
st(struct arena *a, const char *s, const struct form_limits *lim)
{
	struct form_pair	*p = (struct form_pair *)1;
	size_t			 n = 99;
	enum form_status	 r;

	r = form_parse(a, s, strlen(s), lim, &p, &n);
	if (r != FORM_OK)
		CHECK(p == NULL && n == 0);	/* nothing half-parsed */
	return r;
}

#endif
