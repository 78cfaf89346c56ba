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

/* Compiles every template under dir (refusing to start on an error) and
 * loads the catalogs under dir/i18n.  0 or -1 with a logged reason. */
int	 resp_init(const char *tpl_dir, bool strict);
void	 resp_free(void);
bool	 resp_has_template(const char *name);
/* How the header learns a signed-in person's unread notifications: fn
 * returns the count, or -1 to show none. */
void	 resp_set_unread(long long (*fn)(int64_t user_id));
/* The installed apps shown in the navigation; resp takes a reference. */
void	 resp_set_apps(json_t *apps);
/* Those apps named in the request's language: a new array. */
json_t	*resp_apps(struct req *);
/* Writes the whole FastCGI response (headers and body) to out and
 * returns the status actually sent. */
int	 resp_build(struct req *, enum http_status, json_t *model, struct buf *out);

#endif
