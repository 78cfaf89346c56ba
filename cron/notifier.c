/*
 * notifier: drains the transactional outbox and runs the timed jobs.
 *
 *   notifier [-c agora.conf] [-1] [-R]
 *
 * cron starts it every minute; each run keeps draining for [notifier]
 * run_seconds (55), polling about once a second, so a message goes out
 * within seconds.  -1 drains until the outbox is empty and exits (tests).
 * -R recomputes the dashboard's rollups from the raw tables and exits.
 *
 * Rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED and a lease
 * (claimed_until, [notifier] lease_seconds, 60): overlapping runs and
 * other hosts never take the same row nor wait for each other, and a run
 * that was killed gives its rows back when the lease ends; one that froze
 * inside its transaction loses it after [db] idle_tx_timeout (the server
 * ends it) and its lease.  A batch stops at half the lease and gives back
 * what it did not reach.
 *
 * A batch is delivered in one transaction: each consumer that can takes
 * all its rows at once, the rest go row by row behind a savepoint each.
 * Consumers are independent, as subscribers to a topic are: each one's
 * effect is written with its own processed-marker (outbox_consumed), so
 * a row seen twice has effect once per consumer, and a row that failed in
 * one consumer goes again only to the consumers without a marker.  A
 * failing consumer is retried with exponential backoff; after [notifier]
 * max_attempts the row is dead-lettered with its error, for an admin to
 * see and retry.
 *
 * Timed jobs, once per run: published events past their end become
 * finished (the events' own outbox row says so); expired sessions, refresh
 * tokens, reset links, old throttle rows and day-old form keys are
 * purged; delivered outbox rows older than [notifier] retention_days are
 * pruned.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cfg.h"
#include "consumer.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "mem.h"
#include "outbox.h"
#include "versions.h"

#define BATCH		500

enum nt_stmt {
	STMT_CLAIM,
	STMT_LEASE,
	STMT_RELEASE,
	STMT_MARK,
	STMT_MARK_ALL,
	STMT_DONE,
	STMT_FAIL,
	STMT_SAVEPOINT,
	STMT_ROLLBACK_ROW,
	STMT_SAVEPOINT_GROUP,
	STMT_ROLLBACK_GROUP,
	STMT_FINISH_PICK,
	STMT_FINISH,
	STMT_PURGE_SESSIONS,
	STMT_PURGE_REFRESH,
	STMT_PURGE_RESETS,
	STMT_PURGE_THROTTLE,
	STMT_PURGE_ONCE,
	STMT_PRUNE_OUTBOX,
	STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_CLAIM */
	{ "SELECT id, topic, payload, attempts FROM outbox FORCE INDEX "
	  "(outbox_queue) WHERE status = "
	  "'pending' AND available_at <= UTC_TIMESTAMP(3) AND (claimed_until IS "
	  "NULL OR claimed_until < UTC_TIMESTAMP(3)) ORDER BY id LIMIT ? "
	  "FOR UPDATE SKIP LOCKED", NULL, 0 },
	/* STMT_LEASE: the claimed ids come as one JSON array; the
	 * connection remembers the lease it set */
	{ "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) "
	  "j STRAIGHT_JOIN outbox o ON o.id = j.id SET o.claimed_until = "
	  "(@agora_lease := UTC_TIMESTAMP(3) + INTERVAL ? SECOND)", NULL, 0 },
	/* STMT_RELEASE: ends the lease of the rows still under this run's;
	 * a run that lost its connection (or was frozen past its lease,
	 * while another run claimed them) releases nothing */
	{ "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) "
	  "j STRAIGHT_JOIN outbox o ON o.id = j.id SET o.claimed_until = "
	  "UTC_TIMESTAMP(3) WHERE o.claimed_until = @agora_lease", NULL, 0 },
	/* STMT_MARK */
	{ "INSERT IGNORE INTO outbox_consumed (outbox_id, consumer) VALUES (?, ?)",
	  NULL, 0 },
	/* STMT_MARK_ALL: a group's markers; the count says whether every one
	 * is new */
	{ "INSERT IGNORE INTO outbox_consumed (outbox_id, consumer) SELECT "
	  "j.id, ? FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH "
	  "'$')) j", NULL, 0 },
	/* STMT_DONE: the batch's delivered ids, as one JSON array */
	{ "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) "
	  "j STRAIGHT_JOIN outbox o ON o.id = j.id SET o.status = 'done', "
	  "o.claimed_until = NULL, o.last_error = NULL", NULL, 0 },
	/* STMT_FAIL: 2^attempts seconds later, at most an hour; dead at max
	 * (MariaDB assigns left to right: attempts is already the new count) */
	{ "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
	  "claimed_until = NULL, available_at = UTC_TIMESTAMP(3) + INTERVAL "
	  "LEAST(POW(2, attempts), 3600) SECOND, status = IF(attempts >= ?, "
	  "'dead', 'pending') WHERE id = ?", NULL, 0 },
	/* STMT_SAVEPOINT */
	{ "SAVEPOINT outbox_row", NULL, 0 },
	/* STMT_ROLLBACK_ROW */
	{ "ROLLBACK TO SAVEPOINT outbox_row", NULL, 0 },
	/* STMT_SAVEPOINT_GROUP */
	{ "SAVEPOINT outbox_group", NULL, 0 },
	/* STMT_ROLLBACK_GROUP */
	{ "ROLLBACK TO SAVEPOINT outbox_group", NULL, 0 },
	/* STMT_FINISH_PICK: an event ends after it starts, so the started
	 * ones are read through the (status, starts_at) index, not every
	 * event */
	{ "SELECT id, organizer_id, title FROM events WHERE status = "
	  "'published' AND starts_at < UTC_TIMESTAMP() AND ends_at < "
	  "UTC_TIMESTAMP() ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED",
	  NULL, 0 },
	/* STMT_FINISH */
	{ "UPDATE events SET status = 'finished' WHERE id = ? AND status = "
	  "'published'", NULL, 0 },
	/* STMT_PURGE_SESSIONS */
	{ "DELETE FROM sessions WHERE expires_at < UTC_TIMESTAMP() - INTERVAL 1 "
	  "DAY OR revoked_at < UTC_TIMESTAMP() - INTERVAL 1 DAY OR "
	  "idle_expires_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 10000",
	  NULL, 0 },
	/* STMT_PURGE_REFRESH */
	{ "DELETE FROM refresh_tokens WHERE expires_at < UTC_TIMESTAMP() - "
	  "INTERVAL 1 DAY LIMIT 10000", NULL, 0 },
	/* STMT_PURGE_RESETS */
	{ "DELETE FROM password_resets WHERE expires_at < UTC_TIMESTAMP() - "
	  "INTERVAL 1 DAY LIMIT 10000", NULL, 0 },
	/* STMT_PURGE_THROTTLE */
	{ "DELETE FROM login_throttle WHERE updated_at < UTC_TIMESTAMP() - "
	  "INTERVAL 1 DAY AND locked_until < UTC_TIMESTAMP() LIMIT 10000",
	  NULL, 0 },
	/* STMT_PURGE_ONCE: a form sent again a day later makes a new one */
	{ "DELETE FROM form_once WHERE created_at < UTC_TIMESTAMP() - "
	  "INTERVAL 1 DAY LIMIT 10000", NULL, 0 },
	/* STMT_PRUNE_OUTBOX: by available_at (never before created_at), so
	 * the (status, available_at) index reads only the rows to go */
	{ "DELETE FROM outbox WHERE status = 'done' AND available_at < "
	  "UTC_TIMESTAMP() - INTERVAL ? DAY LIMIT 10000", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/*
 * Every consumer, by module.  A person's notifications are listed and
 * streamed in the order of their ids, so the in-app consumers take a
 * batch in runs of one topic, in the outbox's order; the others take all
 * their rows of a topic at once, whatever came between.
 */
static const struct {
	const struct consumer	*list;
	bool			 in_order;
} registry[] = {
	{ mail_consumers, false },
	{ inapp_consumers, true },
	{ push_consumers, false },
	{ rollup_consumers, false },
};

#define NREGISTRY	(sizeof(registry) / sizeof(registry[0]))

static volatile sig_atomic_t	 stopping;
static long long		 lease_seconds = 60;

static void
on_term(int sig)
{
	(void)sig;	/* SIGTERM and SIGINT alike: finish the row, then leave */
	stopping = 1;
}

/* The ids of rows (or of the rows done) as a JSON array text. */
static char *
id_list(json_t *rows)
{
	json_t		*ids, *row;
	char		*text;
	size_t		 i;

	ids = json_array();
	json_array_foreach(rows, i, row)
		json_array_append(ids, json_object_get(row, "id"));
	text = json_dumps(ids, JSON_COMPACT);
	json_decref(ids);
	return text;
}

/* Claims up to BATCH rows under a lease; *rows is a new array. */
static enum db_status
claim_tx(void *arg)
{
	json_t		**rows = arg;
	enum db_status	 rc;
	char		*ids;

	json_decref(*rows);
	*rows = NULL;
	if ((rc = db_query(&stmts[STMT_CLAIM], P(DB_INT(BATCH)), rows)) != DB_OK)
		return rc;
	if (json_array_size(*rows) == 0)
		return DB_OK;
	ids = id_list(*rows);
	rc = db_exec(&stmts[STMT_LEASE], P(DB_TEXT(ids), DB_INT(lease_seconds)),
	    NULL, NULL);
	free(ids);
	return rc;
}

#define FAST_MAX	8	/* consumers of one topic that take rows at once */

/* One claimed row, its payload read once for every attempt. */
struct claimed {
	int64_t			 id;
	const char		*topic;		/* borrowed from the claim */
	json_t			*payload;	/* NULL: not JSON, see err */
	char			 err[512];
	/* Consumers that already took it with the rest of its group. */
	const struct consumer	*fast[FAST_MAX];
	size_t			 nfast;
};

struct batch {
	long long	 deadline;	/* half the lease, from the claim */
	json_t		*rows;		/* as claimed */
	struct claimed	*c;		/* one per claimed row */
	size_t		 n;
	json_t		*done;		/* the ids delivered, this attempt */
	size_t		 handled;	/* delivered or failed, this attempt */
	long long	 max_attempts;
};

static bool
retryable(enum db_status rc)
{
	return rc == DB_RETRY || rc == DB_UNAVAILABLE;
}

/*
 * One consumer's share of a batch in one go: its markers, then run_all.
 * DB_OK when done; DB_NOTFOUND when the group is undone for the rows to
 * go one by one (a row seen before, or a failure the group cannot
 * pin on one row); a retryable status undoes the whole batch.
 */
static enum db_status
group_run(const struct consumer *c, const struct outbox_row *items,
    size_t n)
{
	json_t		*ids;
	enum db_status	 rc;
	uint64_t	 fresh = 0;
	char		*text, err[512];
	size_t		 i;

	if ((rc = db_exec(&stmts[STMT_SAVEPOINT_GROUP], DB_NOPARAMS, NULL,
	    NULL)) != DB_OK)
		return rc;
	ids = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(ids, json_integer(items[i].id));
	text = json_dumps(ids, JSON_COMPACT);
	json_decref(ids);
	rc = db_exec(&stmts[STMT_MARK_ALL], P(DB_TEXT(c->name), DB_TEXT(text)),
	    &fresh, NULL);
	free(text);
	if (rc == DB_OK && fresh == n)
		rc = c->run_all(items, n, err, sizeof(err));
	else if (rc == DB_OK)
		rc = DB_NOTFOUND;
	if (rc == DB_OK || retryable(rc))
		return rc;
	/* Undone, or the whole batch goes: a transaction the server ended
	 * has no savepoint left, and what follows must not commit alone. */
	if ((rc = db_exec(&stmts[STMT_ROLLBACK_GROUP], DB_NOPARAMS, NULL,
	    NULL)) != DB_OK)
		return retryable(rc) ? rc : DB_RETRY;
	return DB_NOTFOUND;
}

/* Whether c takes row r in the fast pass. */
static bool
fast_takes(const struct consumer *c, const struct claimed *r)
{
	return c->run_all != NULL && r->payload != NULL &&
	    r->nfast < FAST_MAX && strcmp(r->topic, c->topic) == 0;
}

/* Whether a consumer of list takes r in the fast pass. */
static bool
fast_any(const struct consumer *list, const struct claimed *r)
{
	for (; list->name != NULL; list++)
		if (fast_takes(list, r))
			return true;
	return false;
}

/* Hands c the n rows of the batch at at[] in one group; DB_OK, or a
 * status that undoes the batch. */
static enum db_status
fast_group(struct batch *b, const struct consumer *c,
    struct outbox_row *items, const size_t *at, size_t n)
{
	enum db_status	 rc;
	size_t		 i;

	for (i = 0; i < n; i++) {
		items[i].id = b->c[at[i]].id;
		items[i].payload = b->c[at[i]].payload;
	}
	rc = group_run(c, items, n);
	if (rc != DB_OK && rc != DB_NOTFOUND)
		return rc;
	if (rc == DB_OK)
		for (i = 0; i < n; i++)
			b->c[at[i]].fast[b->c[at[i]].nfast++] = c;
	return DB_OK;
}

/* Hands the run of rows at at[] (one topic's) to every consumer of list
 * that takes that topic, each in one group; pick is room for n. */
static enum db_status
fast_run(struct batch *b, const struct consumer *list, const char *topic,
    struct outbox_row *items, const size_t *at, size_t n, size_t *pick)
{
	const struct consumer *c;
	enum db_status	 rc = DB_OK;
	size_t		 i, k;

	for (c = list; rc == DB_OK && c->name != NULL; c++) {
		if (c->run_all == NULL || strcmp(c->topic, topic) != 0)
			continue;
		for (i = k = 0; i < n; i++)
			if (fast_takes(c, &b->c[at[i]]))
				pick[k++] = at[i];
		if (k > 0)
			rc = fast_group(b, c, items, pick, k);
	}
	return rc;
}

/* Hands every consumer with run_all its rows of the batch in groups:
 * all of a topic at once, or runs of one topic in order (registry). */
static enum db_status
fast_pass(struct batch *b)
{
	const struct consumer *c;
	const char	*topic;
	struct outbox_row *items;
	size_t		*at, *pick, i, k, n;
	enum db_status	 rc = DB_OK;

	items = x_calloc(b->n, sizeof(*items));
	at = x_calloc(b->n, sizeof(*at));
	pick = x_calloc(b->n, sizeof(*pick));
	for (k = 0; rc == DB_OK && k < NREGISTRY; k++) {
		if (registry[k].in_order) {
			topic = NULL;
			for (i = n = 0; rc == DB_OK && i < b->n; i++) {
				if (!fast_any(registry[k].list, &b->c[i]))
					continue;
				if (n > 0 && strcmp(b->c[i].topic, topic) != 0) {
					rc = fast_run(b, registry[k].list, topic,
					    items, at, n, pick);
					n = 0;
				}
				topic = b->c[i].topic;
				at[n++] = i;
			}
			if (rc == DB_OK && n > 0)
				rc = fast_run(b, registry[k].list, topic, items,
				    at, n, pick);
			continue;
		}
		for (c = registry[k].list; rc == DB_OK && c->name != NULL;
		    c++) {
			for (i = n = 0; i < b->n; i++)
				if (fast_takes(c, &b->c[i]))
					at[n++] = i;
			if (n > 0)
				rc = fast_group(b, c, items, at, n);
		}
	}
	x_free(items);
	x_free(at);
	x_free(pick);
	return rc;
}

static bool
taken(const struct claimed *cr, const struct consumer *c)
{
	size_t	 i;

	for (i = 0; i < cr->nfast; i++)
		if (cr->fast[i] == c)
			return true;
	return false;
}

/* One consumer behind its marker: the marker goes in first, in the same
 * transaction, so a row seen before is skipped and a failure takes the
 * marker back with the rest. */
static enum db_status
consume(const struct consumer *c, struct claimed *cr)
{
	struct outbox_row row = { cr->id, cr->payload };
	enum db_status	 rc;
	uint64_t	 fresh = 0;

	if ((rc = db_exec(&stmts[STMT_MARK], P(DB_INT(cr->id),
	    DB_TEXT(c->name)), &fresh, NULL)) != DB_OK || fresh == 0)
		return rc;
	if (c->run != NULL)
		return c->run(cr->id, cr->payload, cr->err, sizeof(cr->err));
	return c->run_all(&row, 1, cr->err, sizeof(cr->err));
}

/*
 * The consumers of one row that the fast pass did not cover, behind the
 * row's own savepoint.  On failure cr->err says why and *undo whether
 * there is a savepoint to go back to.
 */
static enum db_status
deliver(struct claimed *cr, bool *undo)
{
	const struct consumer *c;
	enum db_status	 rc = DB_OK;
	size_t		 i;

	*undo = false;
	if (cr->payload == NULL)
		return DB_ERROR;
	for (i = 0; rc == DB_OK && i < NREGISTRY; i++)
		for (c = registry[i].list; rc == DB_OK && c->name != NULL;
		    c++) {
			if (strcmp(c->topic, cr->topic) != 0 || taken(cr, c))
				continue;
			/* What a failure takes back starts here. */
			if (!*undo && (rc = db_exec(&stmts[STMT_SAVEPOINT],
			    DB_NOPARAMS, NULL, NULL)) != DB_OK)
				return rc;
			*undo = true;
			cr->err[0] = '\0';
			if ((rc = consume(c, cr)) != DB_OK && cr->err[0] == '\0')
				snprintf(cr->err, sizeof(cr->err), "%s: %s",
				    c->name, db_status_str(rc));
		}
	return rc;
}

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Gives back the claimed rows from index from on: their lease ends now,
 * unless another run holds them by now. */
static enum db_status
release(json_t *rows, size_t from)
{
	json_t		*rest;
	enum db_status	 rc;
	char		*ids;
	size_t		 i;

	rest = json_array();
	for (i = from; i < json_array_size(rows); i++)
		json_array_append(rest, json_array_get(rows, i));
	ids = id_list(rest);
	rc = db_exec(&stmts[STMT_RELEASE], P(DB_TEXT(ids)), NULL, NULL);
	free(ids);
	json_decref(rest);
	return rc;
}

/*
 * A whole batch in one transaction, one commit: that is what makes the
 * notifier fast.  First each consumer that can takes all its rows at
 * once; whatever is left goes row by row, a savepoint per row keeping a
 * failing row's partial effects out while it records the failure and
 * the other rows go on.  A deadlock or a lost connection undoes the
 * batch; db_tx() retries it or the lease gives the rows back.
 */
static enum db_status
batch_tx(void *arg)
{
	struct batch	*b = arg;
	struct claimed	*cr;
	enum db_status	 rc;
	size_t		 i;
	char		*ids;
	bool		 undo;

	json_array_clear(b->done);
	b->handled = 0;
	for (i = 0; i < b->n; i++)
		b->c[i].nfast = 0;
	if ((rc = fast_pass(b)) != DB_OK)
		return rc;
	for (i = 0; i < b->n; i++) {
		/* Past half the lease, or asked to stop, the rest go back
		 * now rather than to whoever takes them when it ends. */
		if (stopping || now_ms() > b->deadline) {
			if ((rc = release(b->rows, i)) != DB_OK)
				return rc;
			break;
		}
		cr = &b->c[i];
		rc = deliver(cr, &undo);
		b->handled++;
		if (rc == DB_OK) {
			json_array_append_new(b->done, json_integer(cr->id));
			continue;
		}
		if (retryable(rc))
			return rc;
		log_warnx("outbox %lld (%s): %s", (long long)cr->id, cr->topic,
		    cr->err);
		/* Only this row's own savepoint: one set for an earlier
		 * row would undo that row's work. */
		if ((undo && (rc = db_exec(&stmts[STMT_ROLLBACK_ROW],
		    DB_NOPARAMS, NULL, NULL)) != DB_OK) ||
		    (rc = db_exec(&stmts[STMT_FAIL], P(DB_TEXT(cr->err),
		    DB_INT(b->max_attempts), DB_INT(cr->id)), NULL, NULL)) !=
		    DB_OK)
			return rc;
	}
	if (json_array_size(b->done) == 0)
		return DB_OK;
	ids = json_dumps(b->done, JSON_COMPACT);
	rc = db_exec(&stmts[STMT_DONE], P(DB_TEXT(ids)), NULL, NULL);
	free(ids);
	return rc;
}

/* Reads the claimed rows' ids, topics and payloads, once per batch. */
static void
read_claim(struct batch *b)
{
	json_error_t	 jerr;
	json_t		*row;
	struct claimed	*cr;
	size_t		 i;

	b->n = json_array_size(b->rows);
	b->c = x_calloc(b->n ? b->n : 1, sizeof(*b->c));
	json_array_foreach(b->rows, i, row) {
		cr = &b->c[i];
		cr->id = json_integer_value(json_object_get(row, "id"));
		cr->topic = json_string_value(json_object_get(row, "topic"));
		if (cr->topic == NULL)
			cr->topic = "";
		cr->payload = json_loads(json_string_value(json_object_get(row,
		    "payload")), 0, &jerr);
		if (cr->payload == NULL)
			snprintf(cr->err, sizeof(cr->err), "payload: %s",
			    jerr.text);
	}
}

/* One batch.  Returns the rows handled, or -1 when it failed. */
static int
drain_once(long long max_attempts)
{
	struct batch	 b = { 0, NULL, NULL, 0, NULL, 0, max_attempts };
	enum db_status	 rc;
	size_t		 i;
	int		 n;

	if ((rc = db_tx(claim_tx, &b.rows)) != DB_OK) {
		json_decref(b.rows);
		return -1;
	}
	/* However often the batch is tried, the lease counts from here. */
	b.deadline = now_ms() + lease_seconds * 1000 / 2;
	read_claim(&b);
	n = (int)b.n;
	b.done = json_array();
	if (n > 0 && (rc = db_tx(batch_tx, &b)) != DB_OK) {
		/* Given back now, for the next batch; if even that fails,
		 * the lease gives them back later. */
		log_warnx("a batch of %d outbox rows failed (%s); they go "
		    "back to the queue", n, db_status_str(rc));
		if (release(b.rows, 0) != DB_OK)
			log_warnx("the lease returns them");
		n = -1;
	} else
		n = (int)b.handled;
	for (i = 0; i < b.n; i++)
		json_decref(b.c[i].payload);
	x_free(b.c);
	json_decref(b.done);
	json_decref(b.rows);
	return n;
}

static enum db_status
finish_tx(void *arg)
{
	json_t		*rows = NULL, *e;
	enum db_status	 rc;
	json_int_t	 id;
	size_t		 i;
	int		*count = arg;

	if ((rc = db_query(&stmts[STMT_FINISH_PICK], DB_NOPARAMS, &rows)) !=
	    DB_OK)
		return rc;
	json_array_foreach(rows, i, e) {
		id = json_integer_value(json_object_get(e, "id"));
		if ((rc = db_exec(&stmts[STMT_FINISH], P(DB_INT(id)), NULL,
		    NULL)) != DB_OK ||
		    (rc = outbox_append("event.finished", json_pack(
		    "{s:O, s:O, s:O, s:s}", "event_id", json_object_get(e, "id"),
		    "organizer_id", json_object_get(e, "organizer_id"), "title",
		    json_object_get(e, "title"), "by", "timer"))) != DB_OK)
			break;
		(*count)++;
	}
	json_decref(rows);
	return rc;
}

static void
timed_jobs(void)
{
	static const enum nt_stmt purges[] = { STMT_PURGE_SESSIONS,
	    STMT_PURGE_REFRESH, STMT_PURGE_RESETS, STMT_PURGE_THROTTLE,
	    STMT_PURGE_ONCE };
	uint64_t	 n;
	size_t		 i;
	int		 finished = 0;

	if (db_tx(finish_tx, &finished) != DB_OK)
		log_warnx("finishing past events failed; next run tries again");
	else if (finished > 0)
		log_info("%d events finished by the timer", finished);
	for (i = 0; i < sizeof(purges) / sizeof(purges[0]); i++)
		if (db_exec(&stmts[purges[i]], DB_NOPARAMS, &n, NULL) != DB_OK)
			log_warnx("purge %zu failed", i);
	reminders_run();
	if (db_exec(&stmts[STMT_PRUNE_OUTBOX], P(DB_INT(cfg_int("notifier",
	    "retention_days", 7))), &n, NULL) != DB_OK)
		log_warnx("pruning the outbox failed");
}

int
main(int argc, char *argv[])
{
	struct sigaction sa;
	const char	*conf = getenv("AGORA_CONF"), *run;
	char		 dir[4096];
	time_t		 until;
	long long	 max_attempts;
	int		 ch, n, once = 0, rebuild = 0, total = 0, failures = 0;

	log_init("notifier", LOG_LEVEL_INFO);
	while ((ch = getopt(argc, argv, "c:1R")) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		case '1':
			once = 1;
			break;
		case 'R':
			rebuild = 1;
			break;
		default:
			fprintf(stderr, "usage: notifier [-c agora.conf] [-1] "
			    "[-R]\n");
			return 2;
		}
	}
	if (cfg_load(conf) != 0)
		return 1;
	/* A run frozen inside a batch (stopped, swapped out) holds the
	 * platform's figures row, which every batch takes first: the server
	 * ends such a transaction after this many idle seconds, not the
	 * site's minute, so that the other runs go on.  More than a push
	 * command's 10 s, which runs inside the batch. */
	if (!rebuild)
		cfg_set("db", "idle_tx_timeout", cfg_str("notifier",
		    "idle_tx_timeout", "20"));
	snprintf(dir, sizeof(dir), "%s/i18n", cfg_str("server", "templates",
	    "templates"));
	if (i18n_load(dir) != 0 || mail_init() != 0 || db_init() != 0)
		return 1;
	/* What it commits (events it finishes) shows on kept pages at once. */
	if ((run = cfg_str("server", "socket_dir", NULL)) != NULL &&
	    versions_share(run) != 0)
		log_warn("sharing versions in %s", run);
	if (db_prepare_all(stmts, STMT__MAX) != 0)
		fatalx("a statement failed to prepare");
	if (rebuild) {
		n = rollups_rebuild();
		rollups_free();
		db_release_all(stmts, STMT__MAX);
		mail_free();
		db_close();
		i18n_free();
		cfg_free();
		return n == 0 ? 0 : 1;
	}
	/* Runs at once would deadlock on the gap locks of repeatable read
	 * as they add rows at the end of the same tables; the consumers
	 * lock the rows they depend on instead (rollups.c).  The rebuild
	 * above keeps repeatable read: it reads one snapshot throughout. */
	db_read_committed();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	max_attempts = cfg_int("notifier", "max_attempts", 8);
	lease_seconds = cfg_int("notifier", "lease_seconds", 60);
	until = time(NULL) + cfg_int("notifier", "run_seconds", 55);
	timed_jobs();
	while (!stopping) {
		n = drain_once(max_attempts);
		if (n > 0)
			total += n;
		if (n > 0)
			continue;	/* more waiting, or rows just made: no pause */
		/* A failed batch went back to the queue: -1 tries again a
		 * few times before it leaves the rest to the next run. */
		failures = n < 0 ? failures + 1 : 0;
		if ((once && (failures == 0 || failures > 3)) ||
		    time(NULL) >= until)
			break;
		sleep(1);
	}
	if (total > 0)
		log_info("handled %d outbox rows (delivered, or failed and "
		    "kept for a retry or the dead letters)", total);
	db_release_all(stmts, STMT__MAX);
	outbox_free();
	rollups_free();
	mail_free();
	db_close();
	i18n_free();
	cfg_free();
	return 0;
}
