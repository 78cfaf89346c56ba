/*
 * app: what every program's main() calls.  A program is a name, a route
 * table, a field table and a statement table; app_main() reads the config,
 * compiles the templates, checks the routes, prepares the statements,
 * binds the socket and runs the worker pool.  For each request it parses,
 * routes, loads the caller, checks the route's roles and the CSRF token,
 * validates the declared fields, calls the handler and renders the result.
 */
#ifndef AGORA_APP_H
#define AGORA_APP_H

#include <stddef.h>

#include "db.h"
#include "route.h"
#include "valid.h"

struct app {
	const char		*name;		/* "site": logs, socket, health */
	const struct route	*routes;
	const struct field	*fields;	/* declared inputs of every route */
	size_t			 nfields;
	struct db_stmt		*stmts;		/* the program's statements */
	size_t			 nstmts;
	int			(*init)(void);	/* before the workers fork, or NULL */
};

/* Usage: prog [-c agora.conf] [-s socket] [-w workers].  Returns the exit
 * code for main(). */
int	 app_main(int argc, char *argv[], const struct app *);
/* The config path in use and the app being served, for handlers. */
const struct app *app_current(void);
/* Leaves multipart/form-data bodies of up to max bytes unread for the
 * route whose handler is fn, which streams them from req->body_in; any
 * other route answers such a body 415.  The core skips its CSRF check on
 * them: fn makes it (sess_csrf_ok) once it has read the form's fields and
 * before it changes anything.  Called from init(). */
void	 app_stream_multipart(route_fn fn, size_t max);
/* Maps a database status onto the HTTP status a handler returns. */
enum http_status app_db_status(enum db_status);

#endif
