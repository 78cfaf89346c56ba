/* app: program start-up and the per-request pipeline. */
#include <sys/stat.h>

#include <fcgiapp.h>
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "cfg.h"
#include "fcgi.h"
#include "log.h"
#include "memo.h"
#include "mem.h"
#include "once.h"
#include "outbox.h"
#include "participation.h"
#include "req.h"
#include "resp.h"
#include "sess.h"
#include "versions.h"

static const struct app	*the_app;
static struct req_limits limits;
static long		 max_requests;
static size_t		 stream_max;	/* largest multipart body streamed */
static route_fn		 stream_fn;	/* by this handler */

void
app_stream_multipart(route_fn fn, size_t max)
{
	stream_fn = fn;
	stream_max = max;
}

/* A multipart body this program streams itself: its length, checked. */
static bool
streamed(FCGX_Request *fr, enum http_status *st, size_t *len)
{
	const char	*ct, *cl, *m;
	long long	 n;

	ct = FCGX_GetParam("CONTENT_TYPE", fr->envp);
	m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	if (stream_max == 0 || ct == NULL || m == NULL ||
	    strcmp(m, "POST") != 0 ||
	    strncasecmp(ct, "multipart/form-data", 19) != 0)
		return false;
	*st = HTTP_OK;
	*len = 0;
	cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	if (cl == NULL || !valid_parse_int(cl, 0, INT64_MAX, &n))
		*st = HTTP_BAD_REQUEST;
	else if ((size_t)n > stream_max)
		*st = HTTP_PAYLOAD_TOO_LARGE;
	else
		*len = (size_t)n;
	return true;
}

/* The header's counter on every page; the (user_id, read_at) index
 * answers it without reading rows. */
static struct db_stmt	 unread_stmt = {
	"SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND "
	"read_at IS NULL", NULL, 0 };

const struct app *
app_current(void)
{
	return the_app;
}

enum http_status
app_db_status(enum db_status st)
{
	switch (st) {
	case DB_OK:
		return HTTP_OK;
	case DB_NOTFOUND:
		return HTTP_NOT_FOUND;
	case DB_CONFLICT:
		return HTTP_CONFLICT;
	case DB_UNAVAILABLE:
	case DB_RETRY:
		return HTTP_UNAVAILABLE;
	default:
		return HTTP_INTERNAL_ERROR;
	}
}

/* The apps whose programs are installed beside this one. */
static json_t *
installed_apps(void)
{
	static const char *const keys[] = { "events", "shop", "gigs", "pros" };
	const char	*bindir;
	char		 path[4096];
	struct stat	 st;
	json_t		*apps;
	size_t		 i;

	apps = json_array();
	bindir = cfg_str("server", "bindir", NULL);
	for (i = 0; bindir != NULL && i < sizeof(keys) / sizeof(keys[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", bindir, keys[i]);
		if (stat(path, &st) != 0 || !(st.st_mode & S_IXUSR))
			continue;
		json_array_append_new(apps, json_pack("{s:s, s:s+}", "key",
		    keys[i], "url", "/", keys[i]));
	}
	return apps;
}

static long long
unread_count(int64_t uid)
{
	json_t		*row = NULL;
	long long	 n;

	if (db_query_one(&unread_stmt, (const struct db_param[]){ DB_INT(uid),
	    DB_END }, &row) != DB_OK)
		return -1;
	n = (long long)json_integer_value(json_object_get(row, "n"));
	json_decref(row);
	return n;
}

/* Reads the body, bounded by the configured limit. */
static enum http_status
read_body(FCGX_Request *fr, struct arena *a, const char **body, size_t *len)
{
	const char	*cl;
	long long	 n;
	char		*p;
	int		 got;

	*body = "";
	*len = 0;
	if ((cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp)) == NULL ||
	    *cl == '\0')
		return HTTP_OK;
	if (!valid_parse_int(cl, 0, INT64_MAX, &n))
		return HTTP_BAD_REQUEST;
	if ((size_t)n > limits.body_max)
		return HTTP_PAYLOAD_TOO_LARGE;
	p = arena_alloc(a, (size_t)n + 1);
	got = FCGX_GetStr(p, (int)n, fr->in);
	if (got != n)
		return HTTP_BAD_REQUEST;	/* the client hung up mid-body */
	p[n] = '\0';
	*body = p;
	*len = (size_t)n;
	return HTTP_OK;
}

/* GET /api/v1/_health, answered by every program (nginx maps
 * /health/<program> here): the program and its database connection. */
static enum http_status
own_health(struct req *r, json_t *m)
{
	bool	 up = db_ping() == DB_OK;

	json_object_set_new(m, "program", json_string(the_app->name));
	json_object_set_new(m, "status", json_string(up ? "ok" : "down"));
	json_object_set_new(m, "database", json_string(up ? "up" : "down"));
	r->detail = "error_detail.health";
	return up ? HTTP_OK : HTTP_UNAVAILABLE;
}

/* The pipeline: everything between the bytes in and the handler. */
static enum http_status
dispatch(struct req *r, json_t *m)
{
	const struct route	*rt;
	enum http_status	 st;
	enum db_status		 ds;
	size_t			 i;

	if (r->api && strcmp(r->route_path, "/_health") == 0 &&
	    (r->method == M_GET || r->method == M_HEAD))
		return own_health(r, m);
	if ((st = route_find(the_app->routes, r->method, r->route_path,
	    &r->match)) != HTTP_OK) {
		/* A CORS preflight: nginx adds the Access-Control headers. */
		if (st == HTTP_METHOD_NOT_ALLOWED && r->method == M_OPTIONS &&
		    r->api)
			return HTTP_NO_CONTENT;
		return st;
	}
	rt = r->match.route;
	/* Only the streaming handler reads a body left unread. */
	if (r->body_in != NULL && rt->fn != stream_fn) {
		r->detail = "error_detail.415";
		return HTTP_UNSUPPORTED_MEDIA_TYPE;
	}
	for (i = 0; i < r->match.nparams; i++)
		if (r->match.params[i].id != 0) {
			r->id = r->match.params[i].id;
			break;
		}
	if ((ds = sess_load(r)) != DB_OK)
		return app_db_status(ds);
	sess_csrf(r);
	if (rt->roles != ROLE_ANY) {
		if (r->user.id == 0)
			return HTTP_UNAUTHORIZED;
		if ((rt->roles & r->user.role) == 0 && r->user.role != ROLE_ADMIN)
			return HTTP_FORBIDDEN;
	}
	if (r->method != M_GET && r->method != M_HEAD &&
	    r->method != M_OPTIONS && !r->user.bearer &&
	    r->body_in == NULL && (!r->api || req_cookie(r, SESS_COOKIE) != NULL) &&
	    !sess_csrf_ok(r)) {
		r->detail = "error_detail.csrf";
		return HTTP_FORBIDDEN;
	}
	req_validate(r, the_app->fields, the_app->nfields);
	r->handled = true;
	st = rt->fn(r, m);
	if (db_in_tx()) {
		log_warnx("handler for %s left a transaction open", rt->pattern);
		db_rollback();
	}
	return st;
}

/* Reads and drops up to n bytes of the request body. */
static void
drain(FCGX_Stream *in, size_t n)
{
	char	 chunk[16384];
	int	 got;

	while (n > 0 && (got = FCGX_GetStr(chunk, n < sizeof(chunk) ?
	    (int)n : (int)sizeof(chunk), in)) > 0)
		n -= (size_t)got;
}

static void
handle(FCGX_Request *fr, struct arena *a)
{
	struct req	 r;
	struct timespec	 t0, t1;
	struct buf	 out;
	const char	*body;
	size_t		 len;
	enum http_status st, bst;
	json_t		*m;
	int		 sent;
	size_t		 unread = 0;
	bool		 stream;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	log_set_request_id(FCGX_GetParam("REQUEST_ID", fr->envp));
	buf_init(&out);
	m = json_object();
	/* Even with a bad body the head is parsed, so the error is
	 * answered in the caller's representation and language. */
	if ((stream = streamed(fr, &bst, &unread))) {
		body = "";
		len = 0;
	} else
		bst = read_body(fr, a, &body, &len);
	st = req_parse(&r, a, fr->envp, body, len, &limits);
	if (st == HTTP_OK && bst != HTTP_OK)
		st = bst;
	if (stream && st == HTTP_OK) {
		r.body_in = fr->in;
		r.body_unread = unread;
	}
	if (st == HTTP_OK)
		st = dispatch(&r, m);
	else if (st == HTTP_METHOD_NOT_ALLOWED && r.match.allowed == 0 &&
	    route_find(the_app->routes, M_GET, r.route_path, &r.match) ==
	    HTTP_NOT_FOUND)
		st = HTTP_NOT_FOUND;	/* an unknown method on an unknown path */
	/* A streamed body answered early (413, 415, 403) is read to its end
	 * first: nginx is still sending it, and would take a closed stream
	 * for a broken program. */
	if (stream)
		drain(fr->in, r.body_in != NULL ? r.body_unread : unread);
	sent = resp_build(&r, st, m, &out);
	if (FCGX_PutStr(out.data, (int)out.len, fr->out) < 0)
		log_debug("client went away before the response");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	log_request(r.method_name, r.path, r.match.route ?
	    r.match.route->pattern : NULL, sent,
	    (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
	    r.user.id ? arena_printf(a, "%lld", (long long)r.user.id) : NULL);
	json_decref(m);
	req_done(&r);
	buf_free(&out);
	log_set_request_id(NULL);
}

static int
worker(int fd, void *arg)
{
	FCGX_Request	 fr;
	struct arena	*a;
	long		 served = 0;

	(void)arg;	/* the app is in the_app */
	if (db_init() != 0)
		return 1;
	if (FCGX_InitRequest(&fr, fd, 0) != 0)
		return 1;
	a = arena_new();
	while (!fcgi_stopping() && served < max_requests) {
		if (FCGX_Accept_r(&fr) < 0)
			break;
		fcgi_busy(true);
		handle(&fr, a);
		FCGX_Finish_r(&fr);
		fcgi_busy(false);
		arena_reset(a);
		served++;
	}
	arena_free(a);
	db_release_all(the_app->stmts, the_app->nstmts);
	db_release_all(&unread_stmt, 1);
	memo_clear();
	once_free();
	outbox_free();
	participation_free();
	sess_free();
	db_close();
	resp_free();
	cfg_free();
	return 0;
}

static void
usage(const char *prog)
{
	fprintf(stderr, "usage: %s [-c agora.conf] [-s socket] [-w workers]\n",
	    prog);
}

int
app_main(int argc, char *argv[], const struct app *app)
{
	const char	*conf, *sock = NULL, *dir;
	char		 err[256], path[4096];
	int		 ch, fd, workers = 0, rc;
	bool		 owned;
	json_t		*apps;

	/*
	 * A page is tens of KB, built and copied in a few buffers.  With
	 * the default thresholds glibc gives that memory back to the
	 * system at the end of each request and faults it in again on the
	 * next (on a virtual machine, a TLB shootdown across CPUs each
	 * time): the workers keep what they have used instead.
	 */
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	the_app = app;
	conf = getenv("AGORA_CONF");
	while ((ch = getopt(argc, argv, "c:s:w:")) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		case 's':
			sock = optarg;
			break;
		case 'w':
			workers = atoi(optarg);
			break;
		default:
			usage(argv[0]);
			return 2;
		}
	}
	log_init(app->name, LOG_LEVEL_INFO);
	if (cfg_load(conf) != 0)
		return 1;
	if (strcmp(cfg_str("log", "level", "info"), "debug") == 0)
		log_init(app->name, LOG_LEVEL_DEBUG);
	if (route_check(app->routes, err, sizeof(err)) != 0)
		fatalx("%s", err);
	if (resp_init(cfg_str("server", "templates", "templates"),
	    cfg_bool("server", "strict_templates", false)) != 0)
		fatalx("cannot start without templates");
	for (const struct route *rt = app->routes; rt->pattern != NULL; rt++)
		if (rt->tpl != NULL && !resp_has_template(rt->tpl))
			fatalx("route %s: no template %s", rt->pattern, rt->tpl);
	if (sess_init() != 0)
		fatalx("cannot start without [auth] secret");
	apps = installed_apps();
	resp_set_apps(apps);
	json_decref(apps);	/* resp holds its own reference */
	resp_set_unread(unread_count);
	if (app->init != NULL && app->init() != 0)
		fatalx("%s could not start", app->name);
	limits.body_max = (size_t)cfg_int("limits", "body_max", 1 << 20);
	limits.fields_max = (size_t)cfg_int("limits", "fields_max", 200);
	limits.field_max = (size_t)cfg_int("limits", "field_max", 64 * 1024);
	limits.uri_max = (size_t)cfg_int("limits", "uri_max", 4096);
	max_requests = (long)cfg_int("server", "max_requests", 100000);
	/* A program that waits on commits (enrolment) may want more
	 * workers than the rest: [<program>] workers overrides [server]. */
	if (workers <= 0)
		workers = (int)cfg_int(app->name, "workers",
		    cfg_int("server", "workers", 4));

	/* A statement the server refuses is a bug: stop now, not per request. */
	if (db_init() != 0 ||
	    db_prepare_all(app->stmts, app->nstmts) != 0)
		fatalx("a statement failed to prepare");
	db_release_all(app->stmts, app->nstmts);
	db_close();

	if (sock == NULL && (dir = cfg_str("server", "socket_dir", NULL)) != NULL) {
		snprintf(path, sizeof(path), "%s/%s.sock", dir, app->name);
		sock = path;
	}
	if ((dir = cfg_str("server", "socket_dir", NULL)) != NULL &&
	    versions_share(dir) != 0)
		log_warn("sharing versions in %s", dir);
	if ((fd = fcgi_listen(sock, &owned)) < 0)
		return 1;
	if (FCGX_Init() != 0)
		fatalx("FCGX_Init failed");
	rc = fcgi_supervise(fd, workers, worker, NULL);
	if (owned && unlink(sock) != 0)
		log_warn("unlink %s", sock);
	sess_free();
	resp_free();
	cfg_free();
	return rc;
}
