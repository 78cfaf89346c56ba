/*
 * sess: who is calling.  A browser presents the opaque session cookie
 * "agora_sid" (stored only as its SHA-256 in sessions.token_hash); the
 * mobile app presents "Authorization: Bearer <JWT>".  Either works on any
 * route.  Also the CSRF token, in the "agora_csrf" cookie, that every
 * state-changing form echoes in "_csrf" (or the X-CSRF-Token header): a
 * random value before sign-in, then a keyed hash of the session cookie,
 * checked against the session; SameSite=Lax and an Origin check stand
 * beside it.
 */
#ifndef AGORA_SESS_H
#define AGORA_SESS_H

#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "req.h"

#define SESS_COOKIE	"agora_sid"
#define CSRF_COOKIE	"agora_csrf"
#define CSRF_FIELD	"_csrf"
#define SESS_ACCESS_TTL	900	/* seconds an access token lives */

/* Reads the signing secret from [auth] secret; -1 when it is missing or
 * shorter than 32 bytes. */
int		 sess_init(void);
void		 sess_free(void);
const unsigned char *sess_secret(size_t *len);
/* Fills r->user.  DB_OK also when nobody is signed in (id 0); a bad or
 * expired credential is simply no credential. */
enum db_status	 sess_load(struct req *);
/* Whether the cookie session r was signed in with still stands (not
 * signed out, revoked or expired), without sliding its idle expiry: a
 * long-lived request asks again as it goes. */
enum db_status	 sess_alive(const struct req *, bool *alive);
#define SESS_CSRF_HEX	65	/* a session's token in hex, with its NUL */
/* Sets r->csrf: the session's token for a browser signed in with its
 * cookie, else the cookie's, else a new one. */
void		 sess_csrf(struct req *);
/* The token of the session whose cookie is sid, for the sign-in's answer. */
const char	*sess_csrf_for(struct req *, const char *sid);
/* Whether an unsafe request carries the right token and a same-site
 * Origin.  Bearer-token calls carry no ambient authority and pass. */
bool		 sess_csrf_ok(const struct req *);
unsigned	 sess_role(const char *name);	/* "ong" -> ROLE_ONG, 0 if unknown */
/* Lower-case hex SHA-256 of a token, for lookups by hash. */
void		 sess_hash(const char *token, char out[65]);
/* Signs a 15-minute access token for a user; *token is arena-owned. */
int		 sess_access_token(struct req *, int64_t uid, const char *name,
		    const char *role, const char **token);
/* A Set-Cookie value (HttpOnly, SameSite=Lax, Secure under https);
 * max_age < 0 makes a browser-session cookie, 0 deletes it. */
const char	*sess_cookie(struct req *, const char *name, const char *value,
		    long max_age);
/* n random bytes as base64url (for session ids, tokens). */
const char	*sess_random(struct arena *, size_t n);

#endif
