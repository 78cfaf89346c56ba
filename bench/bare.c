/*
 * bare: the benchmark's calibration.  The same work as Ágora's home page,
 * its JSON twin and a database read, done by hand with libfcgi, MariaDB
 * Connector/C and jansson only: no core library, no router, no template
 * engine, no sessions.  What Ágora costs on top of this is its overhead.
 *
 *   bare -s socket -f client.cnf [-w workers]
 *
 * The socket is bound here (mode 0660); client.cnf is a MariaDB option
 * file whose [client] group names the user, password, socket and
 * database.  Routes, by DOCUMENT_URI:
 *
 *   /bare/json          {"name", "apps": [4 x {key, name, url,
 *                       description}], "user": null}, built with jansson
 *   /bare/row?id=N      one bench_items row by primary key, as JSON
 *   /bare/page?after=N  20 bench_items rows as an HTML table, every cell
 *                       escaped
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <jansson.h>
#include <mysql.h>

#define PAGE_ROWS	20
#define NAME_MAX_LEN	(100 * 4)	/* VARCHAR(100), utf8mb4 */
#define DESC_MAX_LEN	(300 * 4)	/* VARCHAR(300), utf8mb4 */
#define PRICE_MAX_LEN	32

enum stmt {
	STMT_ITEM_GET_BY_ID,
	STMT_ITEM_LIST_PAGE,
	STMT__MAX
};

static const char *const stmt_sql[STMT__MAX] = {
	"SELECT id, name, description, price FROM bench_items "
	    "WHERE id = ?",				/* STMT_ITEM_GET_BY_ID */
	"SELECT id, name, description, price FROM bench_items "
	    "WHERE id > ? ORDER BY id LIMIT 20",	/* STMT_ITEM_LIST_PAGE */
};

/* The home page's four apps, as its JSON twin lists them. */
static const struct {
	const char	*key;
	const char	*name;
	const char	*url;
	const char	*description;
} apps[] = {
	{ "events", "Events", "/events", "NGOs publish social events and "
	    "mega events. Find one that matters to you, sign up and take "
	    "part." },
	{ "shop", "Shop", "/shop", "A florist's catalogue: pick bouquets "
	    "and plants, add them to your cart and track your orders." },
	{ "gigs", "Gigs", "/gigs", "Freelancers offer their services as "
	    "gigs. Search, place an order and review the result." },
	{ "pros", "Pros", "/pros", "Find verified professionals near you "
	    "and pay safely: the money is released once the job is done." },
};

/* A growable response body. */
struct out {
	char		*data;
	size_t		 len;
	size_t		 cap;
};

/* One fetched bench_items row, bound to a statement's result. */
struct item {
	long long	 id;
	char		 name[NAME_MAX_LEN + 1];
	char		 desc[DESC_MAX_LEN + 1];
	char		 price[PRICE_MAX_LEN + 1];
	unsigned long	 name_len;
	unsigned long	 desc_len;
	unsigned long	 price_len;
	MYSQL_BIND	 bind[4];
};

/* What one worker holds for its whole life. */
struct worker {
	MYSQL		*db;
	MYSQL_STMT	*stmt[STMT__MAX];
	struct item	 item;
	struct out	 body;
};

static volatile sig_atomic_t	 stopping;

static void	 bare_warnx(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

static void
bare_warnx(const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "bare[%ld]: ", (long)getpid());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
out_grow(struct out *o, size_t more)
{
	size_t	 want;

	if (o->len + more + 1 <= o->cap)
		return;
	want = o->cap == 0 ? 4096 : o->cap;
	while (want < o->len + more + 1)
		want *= 2;
	if ((o->data = realloc(o->data, want)) == NULL)
		abort();
	o->cap = want;
}

static void
out_add(struct out *o, const char *s, size_t n)
{
	out_grow(o, n);
	memcpy(o->data + o->len, s, n);
	o->len += n;
	o->data[o->len] = '\0';
}

static void
out_puts(struct out *o, const char *s)
{
	out_add(o, s, strlen(s));
}

/* Appends s escaped for HTML text and attribute values: & < > " '. */
static void
out_html(struct out *o, const char *s, size_t n)
{
	const char	*rep;
	size_t		 i, from;

	out_grow(o, n);
	for (i = from = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		out_add(o, s + from, i - from);
		out_puts(o, rep);
		from = i + 1;
	}
	out_add(o, s + from, n - from);
}

static const char *
reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 400:
		return "Bad Request";
	case 404:
		return "Not Found";
	default:
		return "Internal Server Error";
	}
}

static void
send_body(FCGX_Request *req, int status, const char *ctype,
    const char *body, size_t len)
{
	char	 head[256];
	int	 n;

	/* FCGX_FPrintF knows no %zu: the head is formatted here. */
	n = snprintf(head, sizeof(head), "Status: %d %s\r\n"
	    "Content-Type: %s\r\n"
	    "Cache-Control: private, no-cache\r\n"
	    "Content-Length: %zu\r\n\r\n", status, reason(status), ctype,
	    len);
	FCGX_PutStr(head, n, req->out);
	FCGX_PutStr(body, (int)len, req->out);
}

static void
send_status(FCGX_Request *req, int status)
{
	char	 body[128];
	int	 n;

	n = snprintf(body, sizeof(body), "{\"status\":%d}", status);
	send_body(req, status, "application/problem+json", body, (size_t)n);
}

static void
send_json(FCGX_Request *req, json_t *j)
{
	char	*s;

	/* Prices such as 34.29 print as written, not as 34.289999999999999. */
	if (j == NULL || (s = json_dumps(j, JSON_COMPACT |
	    JSON_REAL_PRECISION(15))) == NULL) {
		send_status(req, 500);
		return;
	}
	send_body(req, 200, "application/json", s, strlen(s));
	free(s);
}

/* Reads a non-negative integer query parameter: def when absent, -1 when
 * malformed. */
static long long
query_int(const char *qs, const char *key, long long def)
{
	const char	*p;
	char		*end;
	size_t		 klen = strlen(key);
	long long	 v;

	for (p = qs; p != NULL && *p != '\0'; p = strchr(p, '&')) {
		if (*p == '&')
			p++;
		if (strncmp(p, key, klen) != 0 || p[klen] != '=')
			continue;
		errno = 0;
		v = strtoll(p + klen + 1, &end, 10);
		if (errno != 0 || end == p + klen + 1 || v < 0 ||
		    (*end != '\0' && *end != '&'))
			return -1;
		return v;
	}
	return def;
}

static void
item_bind(struct item *it)
{
	memset(it->bind, 0, sizeof(it->bind));
	it->bind[0].buffer_type = MYSQL_TYPE_LONGLONG;
	it->bind[0].buffer = &it->id;
	it->bind[1].buffer_type = MYSQL_TYPE_STRING;
	it->bind[1].buffer = it->name;
	it->bind[1].buffer_length = sizeof(it->name);
	it->bind[1].length = &it->name_len;
	it->bind[2].buffer_type = MYSQL_TYPE_STRING;
	it->bind[2].buffer = it->desc;
	it->bind[2].buffer_length = sizeof(it->desc);
	it->bind[2].length = &it->desc_len;
	it->bind[3].buffer_type = MYSQL_TYPE_STRING;
	it->bind[3].buffer = it->price;
	it->bind[3].buffer_length = sizeof(it->price);
	it->bind[3].length = &it->price_len;
}

/* Runs a one-parameter statement with the worker's row bound. */
static int
stmt_run(struct worker *w, enum stmt s, long long arg)
{
	MYSQL_BIND	 param;
	MYSQL_STMT	*st = w->stmt[s];

	memset(&param, 0, sizeof(param));
	param.buffer_type = MYSQL_TYPE_LONGLONG;
	param.buffer = &arg;
	if (mysql_stmt_bind_param(st, &param) != 0 ||
	    mysql_stmt_execute(st) != 0 ||
	    mysql_stmt_bind_result(st, w->item.bind) != 0) {
		bare_warnx("%s", mysql_stmt_error(st));
		return -1;
	}
	return 0;
}

/* 0 a row, 1 no more rows, -1 an error (the rest is drained). */
static int
stmt_next(struct worker *w, enum stmt s)
{
	int	 rc;

	rc = mysql_stmt_fetch(w->stmt[s]);
	if (rc == 0)
		return 0;
	if (rc == MYSQL_NO_DATA)
		return 1;
	if (rc == MYSQL_DATA_TRUNCATED)
		bare_warnx("a bench_items value is longer than its buffer");
	else
		bare_warnx("%s", mysql_stmt_error(w->stmt[s]));
	mysql_stmt_free_result(w->stmt[s]);
	return -1;
}

/* GET /bare/json: the home page's JSON twin, built with jansson. */
static void
bare_json(struct worker *w, FCGX_Request *req)
{
	json_t	*m, *list;
	size_t	 i;

	(void)w;
	m = json_object();
	list = json_array();
	for (i = 0; i < sizeof(apps) / sizeof(apps[0]); i++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s}",
		    "key", apps[i].key, "name", apps[i].name,
		    "url", apps[i].url, "description", apps[i].description));
	json_object_set_new(m, "name", json_string("Ágora"));
	json_object_set_new(m, "apps", list);
	json_object_set_new(m, "user", json_null());
	send_json(req, m);
	json_decref(m);
}

/* GET /bare/row?id=N (1 by default): one item as JSON, 404 when none. */
static void
bare_row(struct worker *w, FCGX_Request *req)
{
	struct item	*it = &w->item;
	json_t		*m = NULL;
	long long	 id;
	int		 rc;

	id = query_int(FCGX_GetParam("QUERY_STRING", req->envp), "id", 1);
	if (id < 0) {
		send_status(req, 400);
		return;
	}
	if (stmt_run(w, STMT_ITEM_GET_BY_ID, id) != 0) {
		send_status(req, 500);
		return;
	}
	while ((rc = stmt_next(w, STMT_ITEM_GET_BY_ID)) == 0) {
		json_decref(m);
		m = json_pack("{s:I, s:s%, s:s%, s:f}", "id",
		    (json_int_t)it->id, "name", it->name,
		    (size_t)it->name_len, "description", it->desc,
		    (size_t)it->desc_len, "price", strtod(it->price, NULL));
	}
	if (rc < 0)
		send_status(req, 500);
	else if (m == NULL)
		send_status(req, 404);
	else
		send_json(req, m);
	json_decref(m);
}

/* GET /bare/page?after=N (0 by default): the 20 items after id N as an
 * HTML table, every cell escaped. */
static void
bare_page(struct worker *w, FCGX_Request *req)
{
	struct item	*it = &w->item;
	struct out	*o = &w->body;
	char		 num[32];
	long long	 after;
	int		 rc, n;

	after = query_int(FCGX_GetParam("QUERY_STRING", req->envp), "after",
	    0);
	if (after < 0) {
		send_status(req, 400);
		return;
	}
	if (stmt_run(w, STMT_ITEM_LIST_PAGE, after) != 0) {
		send_status(req, 500);
		return;
	}
	o->len = 0;
	out_puts(o, "<!doctype html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>Items</title>\n</head>\n"
	    "<body>\n<main>\n<h1>Items</h1>\n<table>\n<thead><tr>"
	    "<th>#</th><th>Name</th><th>Description</th><th>Price</th>"
	    "</tr></thead>\n<tbody>\n");
	while ((rc = stmt_next(w, STMT_ITEM_LIST_PAGE)) == 0) {
		n = snprintf(num, sizeof(num), "%lld", it->id);
		out_puts(o, "<tr><td>");
		out_html(o, num, (size_t)n);
		out_puts(o, "</td><td>");
		out_html(o, it->name, it->name_len);
		out_puts(o, "</td><td>");
		out_html(o, it->desc, it->desc_len);
		out_puts(o, "</td><td>");
		out_html(o, it->price, it->price_len);
		out_puts(o, "</td></tr>\n");
	}
	if (rc < 0) {
		send_status(req, 500);
		return;
	}
	out_puts(o, "</tbody>\n</table>\n</main>\n</body>\n</html>\n");
	send_body(req, 200, "text/html; charset=utf-8", o->data, o->len);
}

static int
worker_open(struct worker *w, const char *cnf)
{
	unsigned int	 timeout = 2;
	enum stmt	 s;

	memset(w, 0, sizeof(*w));
	if ((w->db = mysql_init(NULL)) == NULL)
		return -1;
	mysql_options(w->db, MYSQL_READ_DEFAULT_FILE, cnf);
	mysql_options(w->db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(w->db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(w->db, NULL, NULL, NULL, NULL, 0, NULL,
	    0) == NULL) {
		bare_warnx("cannot connect to MariaDB: %s", mysql_error(w->db));
		return -1;
	}
	/* Prepared once per worker, like Ágora's statement tables. */
	for (s = 0; s < STMT__MAX; s++) {
		if ((w->stmt[s] = mysql_stmt_init(w->db)) == NULL ||
		    mysql_stmt_prepare(w->stmt[s], stmt_sql[s],
		    strlen(stmt_sql[s])) != 0) {
			bare_warnx("prepare: %s", mysql_error(w->db));
			return -1;
		}
	}
	item_bind(&w->item);
	return 0;
}

static void
worker_close(struct worker *w)
{
	enum stmt	 s;

	for (s = 0; s < STMT__MAX; s++)
		if (w->stmt[s] != NULL)
			mysql_stmt_close(w->stmt[s]);
	if (w->db != NULL)
		mysql_close(w->db);
	free(w->body.data);
}

static int
worker_run(int fd, const char *cnf)
{
	struct worker	 w;
	FCGX_Request	 req;
	const char	*uri;
	int		 rc = 1;

	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	if (worker_open(&w, cnf) != 0)
		goto out;
	if (FCGX_InitRequest(&req, fd, 0) != 0)
		goto out;
	while (FCGX_Accept_r(&req) >= 0) {
		uri = FCGX_GetParam("DOCUMENT_URI", req.envp);
		if (uri == NULL)
			send_status(&req, 404);
		else if (strcmp(uri, "/bare/json") == 0)
			bare_json(&w, &req);
		else if (strcmp(uri, "/bare/row") == 0)
			bare_row(&w, &req);
		else if (strcmp(uri, "/bare/page") == 0)
			bare_page(&w, &req);
		else
			send_status(&req, 404);
		FCGX_Finish_r(&req);
	}
	rc = 0;
out:
	worker_close(&w);
	return rc;
}

static int
listen_on(const char *path)
{
	struct sockaddr_un	 sun;
	mode_t			 old;
	int			 fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		bare_warnx("socket path too long: %s", path);
		return -1;
	}
	memcpy(sun.sun_path, path, strlen(path));
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
		bare_warnx("socket: %s", strerror(errno));
		return -1;
	}
	unlink(path);
	/* The owner and nginx's group may connect: mode 0660. */
	old = umask(0117);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0 ||
	    listen(fd, 1024) != 0) {
		umask(old);
		bare_warnx("bind %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	umask(old);
	return fd;
}

static void
on_term(int sig)
{
	(void)sig;	/* one handler for SIGTERM and SIGINT */
	stopping = 1;
}

static pid_t
spawn(int fd, const char *cnf)
{
	pid_t	 pid;

	if ((pid = fork()) != 0)
		return pid;
	_exit(worker_run(fd, cnf));
}

/* Keeps nworkers alive until SIGTERM, then stops them. */
static void
supervise(int fd, const char *cnf, int nworkers)
{
	pid_t		 pids[64], pid;
	time_t		 born[64];
	int		 i, status;

	for (i = 0; i < nworkers; i++) {
		pids[i] = spawn(fd, cnf);
		born[i] = time(NULL);
	}
	while (!stopping) {
		if ((pid = waitpid(-1, &status, 0)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < nworkers && pids[i] != pid; i++)
			continue;
		if (i == nworkers || stopping)
			continue;
		bare_warnx("worker %ld ended (%s %d); restarting", (long)pid,
		    WIFSIGNALED(status) ? "signal" : "status",
		    WIFSIGNALED(status) ? WTERMSIG(status) :
		    WEXITSTATUS(status));
		/* A worker that cannot start must not spin the CPU. */
		if (time(NULL) - born[i] < 1)
			sleep(1);
		pids[i] = spawn(fd, cnf);
		born[i] = time(NULL);
	}
	for (i = 0; i < nworkers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (i = 0; i < nworkers; i++)
		if (pids[i] > 0)
			waitpid(pids[i], &status, 0);
}

/*
 * Binds the socket, forks the workers and supervises them until SIGTERM
 * or SIGINT; then stops them and removes the socket.  Returns 0, or 1 on
 * a usage or socket error.
 */
int
main(int argc, char *argv[])
{
	struct sigaction	 sa;
	const char		*sock = NULL, *cnf = NULL;
	char			*end;
	long			 nworkers = 8;
	int			 ch, fd;

	while ((ch = getopt(argc, argv, "f:s:w:")) != -1) {
		switch (ch) {
		case 'f':
			cnf = optarg;
			break;
		case 's':
			sock = optarg;
			break;
		case 'w':
			nworkers = strtol(optarg, &end, 10);
			if (*end != '\0' || nworkers < 1 || nworkers > 64)
				nworkers = -1;
			break;
		default:
			nworkers = -1;
			break;
		}
	}
	if (sock == NULL || cnf == NULL || nworkers < 1 || optind != argc) {
		fprintf(stderr, "usage: bare -s socket -f client.cnf "
		    "[-w workers]\n");
		return 1;
	}
	if (FCGX_Init() != 0 || (fd = listen_on(sock)) < 0)
		return 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	supervise(fd, cnf, (int)nworkers);
	close(fd);
	unlink(sock);
	return 0;
}
