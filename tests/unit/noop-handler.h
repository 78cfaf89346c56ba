/*
 * noop-handler.h: the handler behind every route of the unit tests'
 * route tables.  Those tests look only at which route matches, so it does
 * nothing.
 */
#ifndef AGORA_NOOP_HANDLER_H
#define AGORA_NOOP_HANDLER_H

#include "route.h"

/* Answers 200 with an untouched model. */
static inline enum http_status
h(struct req *r, json_t *m)
{
	(void)r;
	(void)m;
	return HTTP_OK;
}

#endif
