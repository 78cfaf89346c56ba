/*
 * req: one request, parsed.  The core fills it before the handler runs:
 * method and path, which representation (page or "/api/v1" JSON), the
 * program's declared fields from the query string and the body (form or
 * JSON), each validated, cookies, language, the signed-in user.  Every
 * pointer is borrowed from the request arena and lives until the response
 * has been written.
 */
#ifndef AGORA_REQ_H
#define AGORA_REQ_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "form.h"
#include "http.h"
#include "route.h"
#include "valid.h"

struct user {
	int64_t		 id;		/* 0 when signed out */
	const char	*name;
	const char	*role_name;	/* "ong" */
	unsigned	 role;		/* ROLE_* bit */
	bool		 bearer;	/* authenticated by an access token */
	/* Unread notifications, read with a cookie session: the header's
	 * counter then needs no query of its own. */
	bool		 unread_known;
	long long	 unread;
};

struct req_limits {
	size_t		 body_max;	/* bytes */
	size_t		 fields_max;
	size_t		 field_max;	/* bytes of one value */
	size_t		 uri_max;
};

struct req {
	struct arena		*arena;
	char			**env;		/* FastCGI parameters */
	unsigned		 method;	/* M_* */
	const char		*method_name;
	const char		*path;		/* decoded, without query */
	const char		*route_path;	/* path without "/api/v1" */
	const char		*query;		/* raw query string */
	bool			 api;		/* "/api/v1..." wants JSON */
	const char		*request_id;
	const char		*remote_addr;
	const char		*content_type;
	const char		*body;
	size_t			 bodylen;
	json_t			*json;		/* parsed JSON body, owned */
	struct form_pair	*cookies;
	size_t			 ncookies;
	struct form_pair	*pairs;		/* body fields, then query fields */
	size_t			 npairs;

	const struct field	*fields;	/* the program's field table */
	size_t			 nfields;
	const char		**values;	/* [nfields]: NULL when absent */
	const char		**invalid;	/* [nfields]: reason key or NULL */
	bool			 has_invalid;

	struct route_match	 match;
	bool			 handled;	/* the route's handler ran */
	int64_t			 id;		/* the first id path parameter */
	const char		*lang;		/* "es" or "en" */
	bool			 set_lang;	/* ?lang= chosen: remember it */
	struct user		 user;
	const char		*csrf;		/* this browser's CSRF token */
	bool			 new_csrf;	/* not in a cookie yet */

	/* What the handler tells the core about the response. */
	const char		*redirect;	/* Location for 303/201 */
	const char		*flash;		/* catalog key shown on the next page */
	const char		*detail;	/* problem detail (a catalog key) */
	const char		*tpl;		/* template overriding the route's */
	/* A GET refused with its page's model complete (the dashboard with
	 * the range's fields marked): the page is drawn, not the error's. */
	bool			 page_ready;
	int			 retry_after;	/* seconds, for 429 and 503 */
	const char		*set_cookie[8];	/* extra Set-Cookie values */
	size_t			 nset_cookie;
	/* A body the handler built itself (a calendar, a spreadsheet),
	 * sent as is with raw_type on a 2xx instead of JSON or a page;
	 * errors are rendered as usual.  raw_filename, when set (letters,
	 * digits, '.', '-', '_' only), asks for a download. */
	const char		*raw_body;	/* arena-owned */
	size_t			 raw_len;
	const char		*raw_type;	/* "text/calendar; charset=utf-8" */
	const char		*raw_filename;	/* Content-Disposition, or NULL */
	/* A file the gateway sends on a 200 instead of a body: the internal
	 * path for X-Accel-Redirect, with raw_type as its type, disposition
	 * as its Content-Disposition and cache as its Cache-Control. */
	const char		*accel;
	const char		*disposition;
	const char		*cache;

	/* A body left unread for the handler (see app_stream_multipart):
	 * the FastCGI input stream and how many bytes it still holds. */
	void			*body_in;
	size_t			 body_unread;
};

/* Fills r from the FastCGI environment and the body already read (the
 * caller enforces limits->body_max while reading).  Returns HTTP_OK or
 * the 4xx to answer at once (400 malformed, 413, 414, 415, 422 only via
 * r->invalid, never here). */
enum http_status req_parse(struct req *, struct arena *, char **env,
		    const char *body, size_t bodylen, const struct req_limits *);
/* Validates the declared fields present in the request. */
void		 req_validate(struct req *, const struct field *, size_t);
const char	*req_env(const struct req *, const char *name);
const char	*req_header(const struct req *, const char *name); /* "Accept-Language" */
/* The host the browser asked for, port included (nginx's REQUEST_HOST,
 * else the Host header: Debian's HTTP_HOST drops the port); or NULL. */
const char	*req_host(const struct req *);
const char	*req_cookie(const struct req *, const char *name);
/* r->lang when the caller named a language (?lang=, the agora_lang
 * cookie, Accept-Language), NULL when r->lang is only the default. */
const char	*req_lang_named(const struct req *);
const char	*req_value(const struct req *, size_t field);	/* valid value or NULL */
bool		 req_int(const struct req *, size_t field, long long *);
bool		 req_bool(const struct req *, size_t field, bool def);
/* Marks each listed field (ending with -1) that is absent as required;
 * true when all were present and valid. */
bool		 req_require(struct req *, ...);
void		 req_set_invalid(struct req *, size_t field, const char *reason);
/* Only the listed fields (ending with -1) matter to this handler: the
 * other fields' errors are forgotten, these are kept. */
void		 req_focus(struct req *, ...);
/* The same with a mask of REQ_F(field) bits; true when those are valid. */
#define REQ_F(x)	(1ULL << (x))
bool		 req_only(struct req *, unsigned long long mask);
void		 req_add_cookie(struct req *, const char *);
void		 req_done(struct req *);	/* releases the JSON body */

#endif
