/*
 * route: each program's explicit route table, read top to bottom.
 *
 * A pattern is a path whose segments are literals or typed parameters:
 * "{id}" and any "{..._id}" accept a positive 64-bit integer, any other
 * "{name}" one segment of letters, digits, '-', '_' and '.'.  A route
 * written for "/events/{id}" serves the page "/events/42" and its JSON
 * twin "/api/v1/events/42"; the core strips the "/api/v1" prefix first.
 * GET routes answer HEAD too.
 */
#ifndef AGORA_ROUTE_H
#define AGORA_ROUTE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "http.h"

enum method {
	M_GET = 1 << 0,
	M_HEAD = 1 << 1,
	M_POST = 1 << 2,
	M_PUT = 1 << 3,
	M_PATCH = 1 << 4,
	M_DELETE = 1 << 5,
	M_OPTIONS = 1 << 6,
};

/* Who may call a route: ROLE_ANY is everyone, signed in or not. */
enum role {
	ROLE_ADMIN = 1 << 0,
	ROLE_ONG = 1 << 1,
	ROLE_EMPRESA = 1 << 2,
	ROLE_EXTERNO = 1 << 3,
	ROLE_CLIENTE = 1 << 4,
	ROLE_PROFESIONAL = 1 << 5,
};
#define ROLE_ANY	0u
#define ROLE_USER	0x3fu		/* any signed-in account */

#define ROUTE_MAXPARAMS	4

struct req;
typedef enum http_status (*route_fn)(struct req *, json_t *model);

struct route {
	unsigned	 methods;	/* M_* mask */
	const char	*pattern;	/* "/events/{id}" */
	route_fn	 fn;
	unsigned	 roles;		/* ROLE_* mask, or ROLE_ANY */
	const char	*tpl;		/* page template, or NULL (redirects, API only) */
};

struct route_param {
	const char	*name;		/* "id", borrowed from the pattern (not terminated) */
	size_t		 namelen;
	const char	*value;		/* borrowed from the path (not terminated) */
	size_t		 len;
	int64_t		 id;		/* parsed value of an id parameter, else 0 */
};

struct route_match {
	const struct route	*route;		/* NULL: none */
	unsigned		 allowed;	/* methods the path has, for 405 */
	struct route_param	 params[ROUTE_MAXPARAMS];
	size_t			 nparams;
};

/* Finds the route for method and path.  HTTP_OK, HTTP_NOT_FOUND, or
 * HTTP_METHOD_NOT_ALLOWED with m->allowed set. */
enum http_status route_find(const struct route *, unsigned method,
		    const char *path, struct route_match *m);
/* Checks a table at start: pattern syntax and two routes that would
 * answer the same method and path.  0, or -1 with a reason in err. */
int		 route_check(const struct route *, char *err, size_t errlen);
unsigned	 route_method(const char *);	/* "GET" -> M_GET, 0 if unknown */
/* "GET, HEAD, POST" for an Allow header; writes into buf. */
const char	*route_allow(unsigned methods, char *buf, size_t len);

#endif
