/*
 * resp: renders what a handler returned.  One model, two representations:
 * under /api/v1 the model as JSON (errors as RFC 9457 problem documents),
 * elsewhere the route's mustache template inside the layout (errors as a
 * friendly page, 422 as the same form again with field errors).  Pages
 * follow Post/Redirect/Get: a 201, or a 204 with a redirect, becomes a 303.
 * GETs carry an ETag and answer 304 when it matches.
 */
#ifndef AGORA_RESP_H
#define AGORA_RESP_H

#include <jansson.h>
#include <stdbool.h>

#include "buf.h"
#include "req.h"

/* How models are written as JSON. */
#define RESP_JSON_FLAGS	(JSON_COMPACT | JSON_REAL_PRECISION(15))

/* Compiles every template under dir (refusing to start on an error) and
 * loads the catalogs under dir/i18n.  0 or -1 with a logged reason. */
int	 resp_init(const char *tpl_dir, bool strict);
void	 resp_free(void);
bool	 resp_has_template(const char *name);
/* How the header learns a signed-in person's unread notifications when
 * the session read did not bring them (an access token): fn returns the
 * count, or -1 to show none. */
void	 resp_set_unread(long long (*fn)(int64_t user_id));
/* The installed apps shown in the navigation; resp takes a reference. */
void	 resp_set_apps(json_t *apps);
/* Those apps named in the request's language: a new array. */
json_t	*resp_apps(struct req *);
/*
 * Draws the template name, a part of a page, with model and what pages
 * have of their viewer (t, lang, user, csrf; added to a copy, not to
 * model): a new string, or NULL when the template fails (logged).  For
 * a handler that keeps the part (lib/memo.h) and puts it into its page
 * raw ({{{...}}}): a part kept for more than one viewer must not show
 * user or csrf.
 */
json_t	*resp_fragment(struct req *, const char *name, json_t *model);
/* value written as models are, in a new jansson string (to keep); NULL
 * when out of memory. */
json_t	*resp_json_of(const json_t *value);
/*
 * Answers with text, a JSON object as the core writes models (compact),
 * drawn before and kept; with one more member, key (a plain name) and
 * value (taken), when value is not NULL: what is the asker's own beside
 * what is everyone's.  Copies text into the request's arena.
 */
enum http_status resp_json_text(struct req *, const char *text,
	    const char *key, json_t *value);
/* For a page, o's UTC time under key as people read it in the site's
 * zone ("2026-05-01 10:00 CEST"), under key_text; the API keeps UTC. */
void	 resp_time_text(struct req *, json_t *o, const char *key);
/* Whether p is a path on this site, fit to redirect to: "/" then no
 * second "/" or "\\", and no control byte anywhere (browsers drop tabs
 * and newlines, so "/<TAB>/evil.example" is another site). */
bool	 resp_local_path(const char *p);

/* Writes the whole FastCGI response (headers and body) to out and
 * returns the status actually sent. */
int	 resp_build(struct req *, enum http_status, json_t *model, struct buf *out);

#endif
