/*
 * stream: GET /api/v1/notifications/stream (and /notifications/stream),
 * the signed-in caller's new notifications and unread counter as
 * Server-Sent Events.
 *
 *   event: notification   id: <resume mark>, data: {id, type, title,
 *                         body, link, read, created_at}, the words in the
 *                         language the stream was opened in (else the
 *                         recipient's)
 *   event: count          data: {"count": N}, the unread notifications
 *   ": ping" comments every [stream] heartbeat seconds (20) and "retry:".
 *
 * A stream stays open for minutes or hours and is idle nearly all of that
 * time, so it must not hold one of the preforked workers that answer the
 * other routes.  This program keeps the common process model (the same
 * command line, socket, supervisor and /api/v1/_health) with a single
 * worker process, and inside it a fixed pool of threads with small stacks
 * ([stream] threads, 512 by default, 256 KiB each) accepting on the
 * socket: one open stream per thread.  A fixed pool rather than a thread
 * per connection, so the cost is known at start and an overload waits in
 * the socket's backlog; threads rather than an event loop, so libfcgi and
 * the shared core are used as they are.  An idle stream sleeps in poll()
 * on its eventfd and its connection: it costs no CPU, and nginx closing
 * the connection (the client went away) frees the thread at once.
 *
 * No stream reads the database on its own.  One poller thread reads the
 * new rows of notifications every [stream] poll_ms (300) with one query,
 * hands each row to the open streams of its user and then reads the
 * unread counts of those users, 32 users a query; every 5 s it reads the
 * counts of every connected user again, so notifications read elsewhere
 * lower the counter too.  The database module keeps one connection per
 * process: a mutex serialises the poller with the session look-up and the
 * replay at the start of a stream.  Rows whose transaction commits after
 * a higher id was seen are caught by remembering the skipped ids for
 * GAP_SECONDS.
 *
 * Resume: each notification's "id:" is a mark (lib/sse.h): the id below
 * which the client has every row, and the ids above it it was sent while
 * a lower one could still commit; usually just the notification's id.
 * Last-Event-ID (or ?last_event_id= for clients that cannot set headers)
 * first replays the user's newest 100 notifications the mark lacks, a
 * row that committed late while the client was away included, then the
 * live ones, none twice.
 *
 * Limits: a user holds at most [stream] per_user (16) streams (429), and
 * RESERVE threads are never given to streams, so that health checks and
 * errors are answered with the pool full (503).  A stream lasts at most
 * [stream] max_age seconds (900) and never past its access token's
 * expiry; the browser reconnects and is authenticated again.  A
 * browser's stream asks whether its session still stands before it
 * sends anything and at each heartbeat, so a session signed out
 * elsewhere receives nothing more.
 */
#include <sys/eventfd.h>

#include <errno.h>
#include <fcgiapp.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "arena.h"
#include "buf.h"
#include "cfg.h"
#include "db.h"
#include "fcgi.h"
#include "jwt.h"
#include "log.h"
#include "mem.h"
#include "notice.h"
#include "req.h"
#include "resp.h"
#include "sess.h"
#include "sse.h"

#define PROGRAM		"stream"
#define REPLAY_MAX	100	/* notifications replayed on resume */
#define POLL_ROWS	200	/* rows per poll query */
#define COUNT_BATCH	32	/* users per unread-count query */
#define GAPS_MAX	256	/* ranges of skipped ids remembered */
#define QUEUE_MAX	200	/* items queued for one stream at most */
/* How long a skipped id may still commit: a notifier batch runs up to
 * half its 60 s lease, and may wait for a lock as long again. */
#define GAP_SECONDS	120
#define RECOUNT_SECONDS	5	/* every connected user's counter again */
#define RETRY_MS	3000	/* the browser's reconnection delay */
#define STACK_SIZE	(256 * 1024)
#define RESERVE		4	/* threads never given to streams */
#define LANGS_MAX	4	/* languages of one user's open streams */

enum stream_stmt {
	STMT_HEAD,
	STMT_NEW,
	STMT_LATE,
	STMT_MISSED,
	STMT_UNREAD,
	STMT__MAX
};

#define NOTIFICATION_COLS \
	"SELECT id, user_id, type, title, body, params, link, read_at, " \
	"created_at FROM notifications "
#define Q8	"?, ?, ?, ?, ?, ?, ?, ?"

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_HEAD */
	{ "SELECT CAST(COALESCE(MAX(id), 0) AS SIGNED) AS head FROM "
	  "notifications", NULL, 0 },
	/* STMT_NEW */
	{ NOTIFICATION_COLS "WHERE id > ? ORDER BY id LIMIT 200", NULL, 0 },
	/* STMT_LATE: rows committed inside the gaps, [[lo, hi], ...] */
	{ "SELECT n.id, n.user_id, n.type, n.title, n.body, n.params, "
	  "n.link, n.read_at, n.created_at FROM JSON_TABLE(?, '$[*]' COLUMNS (lo "
	  "BIGINT PATH '$[0]', hi BIGINT PATH '$[1]')) g STRAIGHT_JOIN "
	  "notifications n ON n.id BETWEEN g.lo AND g.hi ORDER BY n.id",
	  NULL, 0 },
	/* STMT_MISSED: newest first, the caller reverses them */
	{ NOTIFICATION_COLS "WHERE user_id = ? AND id > ? "
	  "ORDER BY id DESC LIMIT 100", NULL, 0 },
	/* STMT_UNREAD: COUNT_BATCH users, unused places hold 0 */
	{ "SELECT user_id, COUNT(*) AS n FROM notifications "
	  "WHERE read_at IS NULL AND user_id IN (" Q8 ", " Q8 ", " Q8 ", " Q8
	  ") GROUP BY user_id", NULL, 0 },
};

/* A notification waiting to be written to one stream. */
struct item {
	long long	 id;
	char		*data;		/* the event's JSON, owned */
	struct item	*next;
};

/* One open stream; every field but efd is guarded by reg_mx. */
struct stream {
	int64_t		 uid;
	const char	*lang;		/* the reader's, or NULL: the stored */
	int		 efd;		/* eventfd the poller wakes it with */
	struct item	*head;		/* pending notifications, in id order */
	struct item	**tail;
	size_t		 queued;	/* items at head */
	bool		 lagging;	/* items dropped: end, to be resumed */
	long long	 count;		/* the newest unread count */
	long long	 count_sent;	/* -1 before the first */
	bool		 count_dirty;	/* count differs from what was sent */
	struct stream	*next;
};

/* What one stream's client has been sent: its mark, and the ids the
 * replay sent, which the poller may queue as well. */
struct sent {
	struct sse_mark	 mark;
	long long	 replayed[REPLAY_MAX];
	size_t		 nreplayed;
};

/* A small set of user ids. */
struct idset {
	int64_t		*ids;
	size_t		 n, cap;
};

/* Ids [lo, hi] below a row that was seen while they were not: their
 * transactions may still commit (a notifier batch of many rows that
 * commits after a later, smaller one). */
struct gap {
	long long	 lo, hi;
	time_t		 seen;
};

static pthread_mutex_t	 db_mx = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t	 reg_mx = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t	 resp_mx = PTHREAD_MUTEX_INITIALIZER;
static struct stream	*streams;	/* open streams, guarded by reg_mx */
static size_t		 nstreams;

/* The poller's own state. */
static long long	 head;		/* highest id handed out */
static bool		 head_known;
static struct gap	 gaps[GAPS_MAX];	/* ascending, disjoint */
static size_t		 ngaps;
/* Every row up to here has been handed out or will never come: below the
 * oldest gap.  Published by the poller, guarded by reg_mx. */
static long long	 safe_mark;

static struct req_limits limits;
static long		 poll_ms = 300;
static long		 heartbeat_s = 20;
static long		 nthreads = 512;
static long		 per_user = 16;
static long		 max_age = SESS_ACCESS_TTL;
static int		 listen_fd = -1;

static void
idset_add(struct idset *set, int64_t id)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (set->ids[i] == id)
			return;
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 16;
		set->ids = x_realloc(set->ids, set->cap * sizeof(*set->ids));
	}
	set->ids[set->n++] = id;
}

static void
wake(struct stream *s)
{
	uint64_t	 one = 1;

	/* A full counter already means "wake up". */
	if (write(s->efd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		log_warn("eventfd");
}

/* The event data of a notification row in lang, as compact JSON
 * (malloc'd). */
static char *
notification_data(json_t *stored, const char *lang)
{
	json_t	*o, *row;
	char	*s;

	/* Drawn in lang on a copy: the row serves every language. */
	if ((row = json_copy(stored)) == NULL)
		return NULL;
	notice_localize(row, lang);
	o = json_pack("{s:O?, s:O?, s:O?, s:O?, s:O?, s:b, s:O?}",
	    "id", json_object_get(row, "id"),
	    "type", json_object_get(row, "type"),
	    "title", json_object_get(row, "title"),
	    "body", json_object_get(row, "body"),
	    "link", json_object_get(row, "link"),
	    "read", !json_is_null(json_object_get(row, "read_at")),
	    "created_at", json_object_get(row, "created_at"));
	json_decref(row);
	if (o == NULL)
		return NULL;
	s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(o);
	return s;
}

static long long
row_int(json_t *row, const char *key)
{
	return (long long)json_integer_value(json_object_get(row, key));
}

/* Below the oldest gap: every row up to it has been handed out. */
static long long
safe_now(void)
{
	return ngaps > 0 ? gaps[0].lo - 1 : head;
}

/* Hands a new row to the open streams of its user, and publishes the
 * safe mark with it, so that a stream never sees a mark past a row not
 * yet queued: true when the user has streams. */
static bool
deliver(json_t *row, long long safe)
{
	struct stream	*s;
	struct item	*it;
	int64_t		 uid;
	/* The event's data in each language asked for, NULL the stored. */
	struct { const char *lang; char *data; } made[LANGS_MAX];
	size_t		 nmade = 0, i;
	char		*data;
	bool		 any = false;

	uid = row_int(row, "user_id");
	pthread_mutex_lock(&reg_mx);
	safe_mark = safe;
	for (s = streams; s != NULL; s = s->next) {
		if (s->uid != uid)
			continue;
		for (i = 0; i < nmade && made[i].lang != s->lang; i++)
			;
		if (i == nmade && nmade < LANGS_MAX &&
		    (data = notification_data(row, s->lang)) != NULL) {
			made[nmade].lang = s->lang;
			made[nmade++].data = data;
		}
		/* Not made: the stream ends, and its resume reads the row. */
		if (i == nmade) {
			s->lagging = true;
			wake(s);
			continue;
		}
		/* A client that stopped reading does not grow the queue for
		 * ever: the stream ends and its resume reads the database. */
		if (s->queued >= QUEUE_MAX) {
			s->lagging = true;
			wake(s);
			continue;
		}
		s->queued++;
		it = x_calloc(1, sizeof(*it));
		it->id = row_int(row, "id");
		it->data = x_strdup(made[i].data);
		*s->tail = it;
		s->tail = &it->next;
		wake(s);
		any = true;
	}
	pthread_mutex_unlock(&reg_mx);
	for (i = 0; i < nmade; i++)
		free(made[i].data);
	return any;
}

/* The count for uid in rows of (user_id, n); a user without unread
 * notifications has no row. */
static long long
count_of(json_t *rows, int64_t uid)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		if (row_int(row, "user_id") == uid)
			return row_int(row, "n");
	return 0;
}

/* Reads the unread counts of up to COUNT_BATCH users; *rows is new. */
static enum db_status
unread_counts(const int64_t *uids, size_t n, json_t **rows)
{
	struct db_param	 p[COUNT_BATCH + 1];
	enum db_status	 rc;
	size_t		 i;

	for (i = 0; i < COUNT_BATCH; i++)
		p[i] = DB_INT(i < n ? uids[i] : 0);
	p[COUNT_BATCH] = DB_END;
	pthread_mutex_lock(&db_mx);
	rc = db_query(&stmts[STMT_UNREAD], p, rows);
	pthread_mutex_unlock(&db_mx);
	return rc;
}

/* Reads the counters of these users and queues a count event on each of
 * their streams whose counter changed. */
static void
recount(const struct idset *set)
{
	struct stream	*s;
	json_t		*rows;
	long long	 c;
	size_t		 off, n, i;

	for (off = 0; off < set->n; off += COUNT_BATCH) {
		n = set->n - off < COUNT_BATCH ? set->n - off : COUNT_BATCH;
		if (unread_counts(set->ids + off, n, &rows) != DB_OK)
			continue;
		pthread_mutex_lock(&reg_mx);
		for (s = streams; s != NULL; s = s->next) {
			for (i = 0; i < n && set->ids[off + i] != s->uid; i++)
				;
			if (i == n)
				continue;
			c = count_of(rows, s->uid);
			if (s->count_dirty ? c == s->count : c == s->count_sent)
				continue;
			s->count = c;
			s->count_dirty = true;
			wake(s);
		}
		pthread_mutex_unlock(&reg_mx);
		json_decref(rows);
	}
}

/* Takes a skipped id that came after all: true when it was one.  Its
 * gap splits around it. */
static bool
gap_take(long long id)
{
	size_t	 i;

	for (i = 0; i < ngaps && gaps[i].lo <= id; i++) {
		if (id > gaps[i].hi)
			continue;
		if (gaps[i].lo == gaps[i].hi) {
			memmove(&gaps[i], &gaps[i + 1],
			    (ngaps - i - 1) * sizeof(gaps[0]));
			ngaps--;
		} else if (id == gaps[i].lo)
			gaps[i].lo++;
		else if (id == gaps[i].hi)
			gaps[i].hi--;
		else if (ngaps == GAPS_MAX)
			gaps[i].lo = id + 1;	/* no room: the older part goes */
		else {
			memmove(&gaps[i + 1], &gaps[i],
			    (ngaps - i) * sizeof(gaps[0]));
			ngaps++;
			gaps[i].hi = id - 1;
			gaps[i + 1].lo = id + 1;
		}
		return true;
	}
	return false;
}

/* Remembers the ids skipped below a new row, as the newest gap.  With
 * the table full the oldest goes: its rows are likely in by now. */
static void
gap_add(long long lo, long long hi, time_t now)
{
	if (ngaps == GAPS_MAX) {
		log_warnx("stream: more than %d gaps; the oldest is dropped",
		    GAPS_MAX);
		memmove(&gaps[0], &gaps[1], (ngaps - 1) * sizeof(gaps[0]));
		ngaps--;
	}
	gaps[ngaps++] = (struct gap){ lo, hi, now };
}

/* Forgets skipped ids older than GAP_SECONDS: rolled back, never coming. */
static void
gap_expire(time_t now)
{
	size_t	 i, j;

	for (i = j = 0; i < ngaps; i++)
		if (now - gaps[i].seen < GAP_SECONDS)
			gaps[j++] = gaps[i];
	ngaps = j;
}

/* Hands out rows that committed inside the gaps since the last poll. */
static void
poll_late(struct idset *touched)
{
	json_t		*rows = NULL, *row;
	struct buf	 ranges;
	enum db_status	 rc;
	size_t		 i;

	if (ngaps == 0)
		return;
	buf_init(&ranges);
	buf_putc(&ranges, '[');
	for (i = 0; i < ngaps; i++)
		buf_printf(&ranges, "%s[%lld,%lld]", i > 0 ? "," : "",
		    gaps[i].lo, gaps[i].hi);
	buf_putc(&ranges, ']');
	pthread_mutex_lock(&db_mx);
	rc = db_query(&stmts[STMT_LATE], (const struct db_param[]){
	    DB_TEXT(buf_str(&ranges)), DB_END }, &rows);
	pthread_mutex_unlock(&db_mx);
	buf_free(&ranges);
	if (rc != DB_OK)
		return;
	json_array_foreach(rows, i, row)
		if (gap_take(row_int(row, "id")) && deliver(row, safe_now()))
			idset_add(touched, row_int(row, "user_id"));
	json_decref(rows);
}

/* One poll: every row committed since the last one, handed out; the
 * users whose streams got one are added to touched. */
static void
poll_once(struct idset *touched)
{
	json_t		*rows, *row;
	long long	 id;
	enum db_status	 rc;
	size_t		 i, n;
	time_t		 now = time(NULL);

	poll_late(touched);
	do {
		pthread_mutex_lock(&db_mx);
		rc = db_query(&stmts[STMT_NEW],
		    (const struct db_param[]){ DB_INT(head), DB_END }, &rows);
		pthread_mutex_unlock(&db_mx);
		if (rc != DB_OK)
			return;
		n = json_array_size(rows);
		json_array_foreach(rows, i, row) {
			id = row_int(row, "id");
			if (id <= head)
				continue;
			if (id > head + 1)
				gap_add(head + 1, id - 1, now);
			head = id;
			if (deliver(row, safe_now()))
				idset_add(touched, row_int(row, "user_id"));
		}
		json_decref(rows);
	} while (n == POLL_ROWS);
	gap_expire(now);
}

/* Learns where the table ends, so a start hands out only new rows. */
static bool
poll_head(void)
{
	json_t		*row;
	enum db_status	 rc;

	pthread_mutex_lock(&db_mx);
	rc = db_query_one(&stmts[STMT_HEAD], DB_NOPARAMS, &row);
	pthread_mutex_unlock(&db_mx);
	if (rc != DB_OK)
		return false;
	head = row_int(row, "head");
	json_decref(row);
	return true;
}

/* The poller thread: new rows to their streams, counters kept fresh. */
static void *
poller(void *arg)
{
	struct idset	 touched = { NULL, 0, 0 };
	struct stream	*s;
	struct timespec	 nap;
	time_t		 now, last_recount = 0;

	(void)arg;	/* everything is in the globals above */
	nap.tv_sec = poll_ms / 1000;
	nap.tv_nsec = (poll_ms % 1000) * 1000000L;
	for (;;) {
		nanosleep(&nap, NULL);
		if (!head_known) {
			head_known = poll_head();
			continue;
		}
		touched.n = 0;
		poll_once(&touched);
		pthread_mutex_lock(&reg_mx);
		safe_mark = safe_now();		/* gaps expired */
		pthread_mutex_unlock(&reg_mx);
		if (touched.n > 0)
			recount(&touched);
		now = time(NULL);
		if (now - last_recount < RECOUNT_SECONDS)
			continue;
		last_recount = now;
		touched.n = 0;
		pthread_mutex_lock(&reg_mx);
		for (s = streams; s != NULL; s = s->next)
			idset_add(&touched, s->uid);
		pthread_mutex_unlock(&reg_mx);
		recount(&touched);
	}
	return NULL;
}

/* Writes and flushes b: -1 when the connection is gone. */
static int
send_buf(FCGX_Request *fr, struct buf *b)
{
	int	 rc = 0;

	if (b->len > 0 && FCGX_PutStr(b->data, (int)b->len, fr->out) < 0)
		rc = -1;
	if (rc == 0 && FCGX_FFlush(fr->out) < 0)
		rc = -1;
	buf_reset(b);
	return rc;
}

static void
count_event(struct buf *b, long long count)
{
	char	 data[64];

	snprintf(data, sizeof(data), "{\"count\":%lld}", count);
	sse_event(b, NULL, "count", data);
}

/* The resume mark: the Last-Event-ID header, else ?last_event_id=;
 * an empty mark for none (a malformed one is no resume point). */
static void
resume_mark(const struct req *r, struct sse_mark *m)
{
	size_t	 i;

	*m = (struct sse_mark){ 0, { 0 }, 0 };
	if (sse_mark_parse(req_header(r, "Last-Event-ID"), m))
		return;
	for (i = 0; i < r->npairs; i++)
		if (strcmp(r->pairs[i].key, "last_event_id") == 0 &&
		    sse_mark_parse(r->pairs[i].val, m))
			return;
}

/* After rows were sent: the client has every row up to the poller's safe
 * mark as far as it has been sent rows at all, since each of those was
 * queued to this stream or replayed. */
static void
mark_settle(struct sse_mark *m, long long safe)
{
	long long	 top;

	top = m->nhave > 0 ? m->have[m->nhave - 1] : m->below;
	sse_mark_raise(m, safe < top ? safe : top);
}

/* Appends a notification event and records it in the client's mark.
 * Only the last of a batch settles the mark: before it, rows of the batch
 * still to be sent may lie under the safe point. */
static void
note_event(struct buf *out, struct sse_mark *m, long long safe,
    long long id, const char *data, bool last)
{
	char	 text[SSE_MARK_TEXT];

	sse_mark_add(m, id);
	if (last)
		mark_settle(m, safe);
	sse_event(out, sse_mark_text(m, text), "notification", data);
}

/* Adds s to the open streams unless its user has per_user open already
 * (429) or the pool would have no thread left for anything else (503). */
static enum http_status
stream_register(struct stream *s)
{
	struct stream	*o;
	enum http_status st = HTTP_OK;
	long		 mine = 0;

	pthread_mutex_lock(&reg_mx);
	for (o = streams; o != NULL; o = o->next)
		if (o->uid == s->uid)
			mine++;
	if (mine >= per_user)
		st = HTTP_TOO_MANY_REQUESTS;
	else if ((long)nstreams >= nthreads - RESERVE)
		st = HTTP_UNAVAILABLE;
	else {
		s->next = streams;
		streams = s;
		nstreams++;
	}
	pthread_mutex_unlock(&reg_mx);
	return st;
}

/* Seconds this stream may live: [stream] max_age, and for an access
 * token no longer than the token.  The browser then reconnects and is
 * asked who it is again, so a revoked session or an expired token stops
 * receiving. */
static long
stream_lifetime(const struct req *r)
{
	const unsigned char	*key;
	const char		*auth;
	json_t			*claims;
	json_int_t		 exp;
	time_t			 now = time(NULL);
	size_t			 keylen;
	long			 life = max_age;

	if (!r->user.bearer ||
	    (auth = req_env(r, "HTTP_AUTHORIZATION")) == NULL ||
	    strlen(auth) <= 7)
		return life;
	key = sess_secret(&keylen);
	if (jwt_verify(auth + 7, key, keylen, now, &claims) != 0)
		return 0;
	exp = json_integer_value(json_object_get(claims, "exp"));
	json_decref(claims);
	if (exp - now < life)
		life = exp > now ? (long)(exp - now) : 0;
	return life;
}

static void
stream_unregister(struct stream *s)
{
	struct stream	**pp;
	struct item	*it, *next;

	pthread_mutex_lock(&reg_mx);
	for (pp = &streams; *pp != NULL; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			nstreams--;
			break;
		}
	pthread_mutex_unlock(&reg_mx);
	for (it = s->head; it != NULL; it = next) {
		next = it->next;
		free(it->data);
		x_free(it);
	}
	close(s->efd);
	x_free(s);
}

/* The first bytes: headers, retry, the replay and the counter; the
 * client's mark in *sent takes in what was replayed.  -1 when the replay could
 * not be read: the caller ends the stream after these bytes and the
 * browser comes back for it after the retry delay.  A mark past the
 * newest notification (a client that outlived a restored database) is
 * brought back to it, or nothing would ever be newer than what the
 * client says it has. */
static int
stream_open(struct stream *s, struct sent *sent, struct buf *out)
{
	struct sse_mark	*m = &sent->mark;
	json_t		*missed = NULL, *counts = NULL, *row, *top = NULL;
	long long	 count = -1, safe, id, dbhead;
	size_t		 i, n;
	char		*data;
	int		 rc = 0;

	/* Read before the replay: every row up to it has committed by then
	 * (or never will), so the replay has it. */
	pthread_mutex_lock(&reg_mx);
	safe = safe_mark;
	pthread_mutex_unlock(&reg_mx);
	pthread_mutex_lock(&db_mx);
	if (m->below == 0 && m->nhave == 0) {
		/* No mark: only what comes from now on.  The poller may not
		 * know the table's end yet in its first moments. */
		if (safe == 0 && db_query_one(&stmts[STMT_HEAD], DB_NOPARAMS,
		    &top) == DB_OK)
			safe = row_int(top, "head");
		json_decref(top);
		m->below = safe;
	} else {
		if (db_query_one(&stmts[STMT_HEAD], DB_NOPARAMS, &top) ==
		    DB_OK && (dbhead = row_int(top, "head")) < m->below) {
			m->below = dbhead;
			m->nhave = 0;
		}
		json_decref(top);
		if (db_query(&stmts[STMT_MISSED], (const struct db_param[]){
		    DB_INT(s->uid), DB_INT(m->below), DB_END }, &missed) !=
		    DB_OK) {
			missed = NULL;
			rc = -1;
		}
	}
	pthread_mutex_unlock(&db_mx);
	if (rc == 0 && unread_counts(&s->uid, 1, &counts) == DB_OK)
		count = count_of(counts, s->uid);
	json_decref(counts);

	buf_puts(out, "Status: 200 OK\r\n"
	    "Content-Type: text/event-stream; charset=utf-8\r\n"
	    "Cache-Control: no-store\r\n"
	    "X-Accel-Buffering: no\r\n\r\n");
	sse_retry(out, RETRY_MS);
	/* A full replay is the newest REPLAY_MAX: the older ones stay in the
	 * list, not pushed again. */
	if (json_array_size(missed) == REPLAY_MAX)
		sse_mark_raise(m, row_int(json_array_get(missed,
		    REPLAY_MAX - 1), "id") - 1);
	/* Oldest first, as they happened; the ones the client lacks. */
	for (i = json_array_size(missed); i-- > 0; ) {
		id = row_int(json_array_get(missed, i), "id");
		if (!sse_mark_has(m, id) && sent->nreplayed < REPLAY_MAX)
			sent->replayed[sent->nreplayed++] = id;
	}
	for (i = json_array_size(missed), n = 0; i-- > 0; ) {
		row = json_array_get(missed, i);
		if (n == sent->nreplayed || row_int(row, "id") !=
		    sent->replayed[n])
			continue;
		if ((data = notification_data(row, s->lang)) != NULL)
			note_event(out, m, safe, sent->replayed[n], data,
			    n + 1 == sent->nreplayed);
		free(data);
		n++;
	}
	json_decref(missed);
	if (rc != 0)
		return rc;
	mark_settle(m, safe);

	pthread_mutex_lock(&reg_mx);
	/* A fresher count from the poller wins over this one; with neither,
	 * the poller's next round sends it. */
	if (!s->count_dirty)
		s->count = count;
	if (s->count >= 0) {
		s->count_sent = s->count;
		s->count_dirty = false;
	}
	count = s->count;
	pthread_mutex_unlock(&reg_mx);
	if (count >= 0)
		count_event(out, count);
	return 0;
}

/* Sorts a queue by id: a late row may follow a higher one, and the mark
 * moves up only past ids already taken. */
static struct item *
items_sorted(struct item *list)
{
	struct item	*sorted = NULL, *it, **pp;

	while ((it = list) != NULL) {
		list = it->next;
		for (pp = &sorted; *pp != NULL && (*pp)->id < it->id;
		    pp = &(*pp)->next)
			;
		it->next = *pp;
		*pp = it;
	}
	return sorted;
}

/* What the poller queued for s, as events: the notifications the client
 * does not have (it may have had them before it came back, or from the
 * replay; a full mark forgets its newest ids, the replay's list does
 * not), and the counter if it changed.  True when items were dropped for a client that
 * stopped reading: the stream ends, and it resumes; its mark then claims
 * nothing past what it was sent, so the resume brings the dropped rows. */
static bool
stream_take(struct stream *s, struct buf *out, struct sent *sent)
{
	struct item	*list, *it, *next, **pp;
	long long	 count = -1, safe;
	size_t		 i;
	bool		 lagging;

	pthread_mutex_lock(&reg_mx);
	list = s->head;
	s->head = NULL;
	s->tail = &s->head;
	s->queued = 0;
	lagging = s->lagging;
	/* With the queue: every row up to it is in this list or was in an
	 * earlier one. */
	safe = safe_mark;
	if (s->count_dirty && s->count != s->count_sent)
		count = s->count;
	if (s->count_dirty)
		s->count_sent = s->count;
	s->count_dirty = false;
	pthread_mutex_unlock(&reg_mx);

	if (lagging)
		safe = sent->mark.below;
	/* Sorted, without what the client has, then sent. */
	list = items_sorted(list);
	for (pp = &list; (it = *pp) != NULL; ) {
		for (i = 0; i < sent->nreplayed && sent->replayed[i] != it->id;
		    i++)
			;
		if (i == sent->nreplayed && !sse_mark_has(&sent->mark,
		    it->id)) {
			pp = &it->next;
			continue;
		}
		*pp = it->next;
		free(it->data);
		x_free(it);
	}
	for (it = list; it != NULL; it = next) {
		next = it->next;
		note_event(out, &sent->mark, safe, it->id, it->data,
		    next == NULL);
		free(it->data);
		x_free(it);
	}
	if (count >= 0)
		count_event(out, count);
	return lagging;
}

/* Whether a cookie stream's session still stands; a database that
 * cannot say keeps the stream (its next reconnect asks again). */
static bool
session_alive(const struct req *r)
{
	enum db_status	 rc;
	bool		 alive;

	pthread_mutex_lock(&db_mx);
	rc = sess_alive(r, &alive);
	pthread_mutex_unlock(&db_mx);
	return rc != DB_OK || alive;
}

/* Serves one open stream until the client goes away (the connection
 * closes or a write fails) or its lifetime ends.  Returns HTTP_OK once
 * the stream has been served, or the status to answer instead. */
static enum http_status
stream_serve(FCGX_Request *fr, struct req *r)
{
	struct stream	*s;
	struct pollfd	 pfd[2];
	struct buf	 out;
	struct timespec	 now, beat, end;
	struct sent	 sent;
	enum http_status st;
	uint64_t	 v;
	long		 wait_ms, end_ms, life;
	int		 rc;

	if ((life = stream_lifetime(r)) <= 0)
		return HTTP_UNAUTHORIZED;
	s = x_calloc(1, sizeof(*s));
	s->uid = r->user.id;
	s->lang = req_lang_named(r);
	s->tail = &s->head;
	s->count_sent = -1;
	if ((s->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) {
		log_warn("eventfd");
		x_free(s);
		return HTTP_UNAVAILABLE;
	}
	/* Registered before the replay is read: a row committed meanwhile is
	 * queued and, if the replay has it too, sent once. */
	if ((st = stream_register(s)) != HTTP_OK) {
		close(s->efd);
		x_free(s);
		r->retry_after = st == HTTP_TOO_MANY_REQUESTS ? 30 : 5;
		if (st == HTTP_TOO_MANY_REQUESTS)
			r->detail = "error_detail.stream_limit";
		return st;
	}

	buf_init(&out);
	sent.nreplayed = 0;
	resume_mark(r, &sent.mark);
	rc = stream_open(s, &sent, &out);
	if (send_buf(fr, &out) != 0 || rc != 0)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &beat);
	end = beat;
	end.tv_sec += life;
	beat.tv_sec += heartbeat_s;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		wait_ms = (beat.tv_sec - now.tv_sec) * 1000 +
		    (beat.tv_nsec - now.tv_nsec) / 1000000;
		end_ms = (end.tv_sec - now.tv_sec) * 1000 +
		    (end.tv_nsec - now.tv_nsec) / 1000000;
		if (end_ms <= 0)
			break;
		if (end_ms < wait_ms)
			wait_ms = end_ms;
		pfd[0] = (struct pollfd){ .fd = s->efd, .events = POLLIN };
		pfd[1] = (struct pollfd){ .fd = fr->ipcFd,
		    .events = POLLIN | POLLRDHUP };
		rc = poll(pfd, 2, wait_ms > 0 ? (int)wait_ms : 0);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc < 0) {
			log_warn("poll");
			break;
		}
		/* nginx sends nothing after the request: any byte or hang-up
		 * on the connection means the client is gone. */
		if (pfd[1].revents != 0)
			break;
		if (pfd[0].revents & POLLIN) {
			if (read(s->efd, &v, sizeof(v)) < 0 && errno != EAGAIN)
				log_warn("eventfd");
			/* Nothing more for a browser signed out meanwhile (a
			 * password changed elsewhere revokes its session). */
			if (!r->user.bearer && !session_alive(r))
				break;
			if (stream_take(s, &out, &sent)) {
				send_buf(fr, &out);
				break;	/* lagging: the client resumes */
			}
		} else if (rc == 0 && wait_ms < end_ms) {
			/* The heartbeat's time, not the end's; a session
			 * signed out ends its quiet stream here. */
			if (!r->user.bearer && !session_alive(r))
				break;
			sse_comment(&out, "ping");
			clock_gettime(CLOCK_MONOTONIC, &beat);
			beat.tv_sec += heartbeat_s;
		}
		if (out.len > 0 && send_buf(fr, &out) != 0)
			break;
	}
out:
	buf_free(&out);
	stream_unregister(s);
	return HTTP_OK;
}

/* GET /api/v1/_health, as every program answers it (nginx maps
 * /health/stream here): the program and its database connection, and
 * how many streams are open. */
static enum http_status
stream_health(struct req *r, json_t *m)
{
	bool	 up;

	pthread_mutex_lock(&db_mx);
	up = db_ping() == DB_OK;
	pthread_mutex_unlock(&db_mx);
	json_object_set_new(m, "program", json_string(PROGRAM));
	json_object_set_new(m, "status", json_string(up ? "ok" : "down"));
	json_object_set_new(m, "database", json_string(up ? "up" : "down"));
	pthread_mutex_lock(&reg_mx);
	json_object_set_new(m, "streams", json_integer((json_int_t)nstreams));
	pthread_mutex_unlock(&reg_mx);
	r->detail = "error_detail.health";
	return up ? HTTP_OK : HTTP_UNAVAILABLE;
}

/* Everything that is not an open stream: health, errors, 401. */
static int
respond(FCGX_Request *fr, struct req *r, enum http_status st, json_t *m)
{
	struct buf	 out;
	int		 sent;

	buf_init(&out);
	/* The templates and catalogs are shared; one thread renders. */
	pthread_mutex_lock(&resp_mx);
	sent = resp_build(r, st, m, &out);
	pthread_mutex_unlock(&resp_mx);
	if (FCGX_PutStr(out.data, (int)out.len, fr->out) < 0)
		log_debug("client went away before the response");
	buf_free(&out);
	return sent;
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec	 t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* One request: the pipeline of lib/app.c, cut down to this program's
 * two routes. */
static void
handle(FCGX_Request *fr, struct arena *a)
{
	struct req	 r;
	struct timespec	 t0;
	enum http_status st;
	enum db_status	 ds;
	json_t		*m;
	const char	*route = NULL;
	char		 sink[4096];
	int		 sent;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Read the body to its end, so that the connection is quiet. */
	while (FCGX_GetStr(sink, sizeof(sink), fr->in) > 0)
		;
	m = json_object();
	if ((st = req_parse(&r, a, fr->envp, "", 0, &limits)) != HTTP_OK)
		goto answer;
	if (r.api && strcmp(r.route_path, "/_health") == 0 &&
	    (r.method == M_GET || r.method == M_HEAD))
		st = stream_health(&r, m);
	else if (strcmp(r.route_path, "/notifications/stream") != 0)
		st = HTTP_NOT_FOUND;
	else if (r.method != M_GET && r.method != M_HEAD) {
		r.match.allowed = M_GET | M_HEAD;
		st = HTTP_METHOD_NOT_ALLOWED;
	} else {
		pthread_mutex_lock(&db_mx);
		ds = sess_load(&r);
		pthread_mutex_unlock(&db_mx);
		if (ds != DB_OK)
			st = app_db_status(ds);
		else if (r.user.id == 0)
			st = HTTP_UNAUTHORIZED;
		else if (r.method == M_HEAD) {
			/* What a GET would answer, without opening a stream. */
			r.raw_type = "text/event-stream; charset=utf-8";
			r.raw_body = "";
			r.raw_len = 0;
			st = HTTP_OK;
		} else if ((st = stream_serve(fr, &r)) == HTTP_OK) {
			route = "/notifications/stream";
			sent = 200;
			goto out;
		}
	}
answer:
	sent = respond(fr, &r, st, m);
out:
	log_request(r.method_name, r.path, route, sent, ms_since(&t0),
	    r.user.id ? arena_printf(a, "%lld", (long long)r.user.id) : NULL);
	json_decref(m);
	req_done(&r);
}

/* One thread of the pool: accepts, serves, again. */
static void *
acceptor(void *arg)
{
	FCGX_Request	 fr;
	struct arena	*a;

	(void)arg;	/* the socket is listen_fd */
	if (FCGX_InitRequest(&fr, listen_fd, 0) != 0)
		return NULL;
	a = arena_new();
	for (;;) {
		if (FCGX_Accept_r(&fr) < 0) {
			/* Out of descriptors or a signal: breathe, go on. */
			usleep(100000);
			continue;
		}
		handle(&fr, a);
		FCGX_Finish_r(&fr);
		arena_reset(a);
	}
	return NULL;
}

/* The worker process: the poller and the pool.  SIGTERM ends it at once
 * (lib/fcgi.c: a worker not marked busy leaves on the signal); the open
 * streams see their connections close and the browsers reconnect. */
static int
worker(int fd, void *arg)
{
	pthread_attr_t	 attr;
	pthread_t	 t;
	long		 i, started = 0;

	(void)arg;	/* nothing beyond the globals */
	listen_fd = fd;
	if (db_init() != 0)
		return 1;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, STACK_SIZE);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&t, &attr, poller, NULL) != 0) {
		log_warnx("cannot start the poller");
		return 1;
	}
	for (i = 0; i < nthreads; i++) {
		if (pthread_create(&t, &attr, acceptor, NULL) != 0) {
			log_warnx("started %ld of %ld threads", i, nthreads);
			break;
		}
		started++;
	}
	pthread_attr_destroy(&attr);
	if (started == 0)
		return 1;
	log_info("serving streams with %ld threads", started);
	for (;;)
		pause();
	return 0;
}

static void
usage(const char *prog)
{
	fprintf(stderr, "usage: %s [-c agora.conf] [-s socket] [-w workers]\n",
	    prog);
}

/*
 * Usage: stream [-c agora.conf] [-s socket] [-w workers], as every
 * program; -w is accepted and ignored (one process, [stream] threads).
 * Returns the supervisor's exit code.
 */
int
main(int argc, char *argv[])
{
	const char	*conf, *sock = NULL, *dir;
	char		 path[4096];
	json_t		*apps;
	bool		 owned;
	int		 ch, fd, rc;

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
			/* One process always: its threads are the pool. */
			break;
		default:
			usage(argv[0]);
			return 2;
		}
	}
	log_init(PROGRAM, LOG_LEVEL_INFO);
	if (cfg_load(conf) != 0)
		return 1;
	if (strcmp(cfg_str("log", "level", "info"), "debug") == 0)
		log_init(PROGRAM, LOG_LEVEL_DEBUG);
	if (resp_init(cfg_str("server", "templates", "templates"),
	    cfg_bool("server", "strict_templates", false)) != 0)
		fatalx("cannot start without templates");
	if (sess_init() != 0)
		fatalx("cannot start without [auth] secret");
	apps = json_array();
	resp_set_apps(apps);
	json_decref(apps);
	limits.body_max = (size_t)cfg_int("limits", "body_max", 1 << 20);
	limits.fields_max = (size_t)cfg_int("limits", "fields_max", 200);
	limits.field_max = (size_t)cfg_int("limits", "field_max", 64 * 1024);
	limits.uri_max = (size_t)cfg_int("limits", "uri_max", 4096);
	poll_ms = (long)cfg_int("stream", "poll_ms", 300);
	heartbeat_s = (long)cfg_int("stream", "heartbeat", 20);
	nthreads = (long)cfg_int("stream", "threads", 512);
	per_user = (long)cfg_int("stream", "per_user", 16);
	max_age = (long)cfg_int("stream", "max_age", SESS_ACCESS_TTL);
	if (poll_ms < 10 || poll_ms > 10000 || heartbeat_s < 1 ||
	    heartbeat_s > 600 || nthreads <= RESERVE || nthreads > 10000 ||
	    per_user < 1 || max_age < 1)
		fatalx("[stream] poll_ms, heartbeat, threads, per_user or "
		    "max_age out of range");

	if (db_init() != 0 || db_prepare_all(stmts, STMT__MAX) != 0)
		fatalx("a statement failed to prepare");
	db_release_all(stmts, STMT__MAX);
	db_close();

	if (sock == NULL && (dir = cfg_str("server", "socket_dir", NULL)) != NULL) {
		snprintf(path, sizeof(path), "%s/%s.sock", dir, PROGRAM);
		sock = path;
	}
	if ((fd = fcgi_listen(sock, &owned)) < 0)
		return 1;
	if (FCGX_Init() != 0)
		fatalx("FCGX_Init failed");
	rc = fcgi_supervise(fd, 1, worker, NULL);
	if (owned && unlink(sock) != 0)
		log_warn("unlink %s", sock);
	sess_free();
	resp_free();
	cfg_free();
	return rc;
}
