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
 * (claimed_until, [notifier] lease_seconds, 60): overlapping runs and other hosts never take the
 * same row nor wait for each other, and a run that was killed gives its
 * rows back when the lease ends; one that froze inside its transaction
 * loses it after [db] idle_tx_timeout (the server ends it) and its lease.
 * A batch stops at half the lease and gives back what it did not reach.  A batch is delivered in one
 * transaction, a savepoint per row; each consumer's effect is written with
 * its processed-marker (outbox_consumed), so a row seen twice has effect
 * once.  A failing consumer is retried with exponential
 * backoff; after [notifier] max_attempts the row is dead-lettered with its
 * error, for an admin to see and retry.
 *
 * Timed jobs, once per run: published events past their end become
 * finished (the events' own outbox row says so); expired sessions, refresh
 * tokens, reset links and old throttle rows are purged; delivered outbox
 * rows older than [notifier] retention_days are pruned.
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
#include "outbox.h"

#define BATCH		500

enum nt_stmt {
	STMT_CLAIM,
	STMT_LEASE,
	STMT_MARK,
	STMT_DONE,
	STMT_FAIL,
	STMT_SAVEPOINT,
	STMT_ROLLBACK_ROW,
	STMT_FINISH_PICK,
	STMT_FINISH,
	STMT_PURGE_SESSIONS,
	STMT_PURGE_REFRESH,
	STMT_PURGE_RESETS,
	STMT_PURGE_THROTTLE,
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
	/* STMT_LEASE: the claimed ids come as one JSON array */
	{ "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) "
	  "j STRAIGHT_JOIN outbox o ON o.id = j.id SET o.claimed_until = "
	  "UTC_TIMESTAMP(3) + INTERVAL ? SECOND", NULL, 0 },
	/* STMT_MARK */
	{ "INSERT IGNORE INTO outbox_consumed (outbox_id, consumer) VALUES (?, ?)",
	  NULL, 0 },
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
	/* STMT_FINISH_PICK */
	{ "SELECT id, organizer_id, title FROM events WHERE status = "
	  "'published' AND ends_at < UTC_TIMESTAMP() ORDER BY id LIMIT 100 "
	  "FOR UPDATE SKIP LOCKED", NULL, 0 },
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
	/* STMT_PRUNE_OUTBOX */
	{ "DELETE FROM outbox WHERE status = 'done' AND created_at < "
	  "UTC_TIMESTAMP() - INTERVAL ? DAY LIMIT 10000", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

static const struct consumer *const registry[] = {
	mail_consumers,
	inapp_consumers,
	push_consumers,
	rollup_consumers,
};

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

struct delivery {
	const struct consumer	*c;
	int64_t			 id;
	json_t			*payload;
	char			 err[512];
};

/* One consumer behind its marker: the marker goes in first, in the same
 * transaction, so a row seen before is skipped and a failure takes the
 * marker back with the rest. */
static enum db_status
consume(struct delivery *d)
{
	enum db_status	 rc;
	uint64_t	 fresh = 0;

	if ((rc = db_exec(&stmts[STMT_MARK], P(DB_INT(d->id),
	    DB_TEXT(d->c->name)), &fresh, NULL)) != DB_OK || fresh == 0)
		return rc;
	return d->c->run(d->id, d->payload, d->err, sizeof(d->err));
}

/* Every consumer of one row; on failure d->err says why. */
static enum db_status
deliver(json_t *row, struct delivery *d)
{
	const struct consumer *c;
	const char	*topic;
	json_error_t	 jerr;
	enum db_status	 rc = DB_OK;
	size_t		 i;

	memset(d, 0, sizeof(*d));
	d->id = json_integer_value(json_object_get(row, "id"));
	topic = json_string_value(json_object_get(row, "topic"));
	d->payload = json_loads(json_string_value(json_object_get(row,
	    "payload")), 0, &jerr);
	if (d->payload == NULL) {
		snprintf(d->err, sizeof(d->err), "payload: %s", jerr.text);
		return DB_ERROR;
	}
	for (i = 0; rc == DB_OK && i < sizeof(registry) / sizeof(registry[0]);
	    i++)
		for (c = registry[i]; rc == DB_OK && c->name != NULL; c++) {
			if (strcmp(c->topic, topic) != 0)
				continue;
			/* What a failure takes back starts here. */
			if (d->c == NULL && (rc = db_exec(&stmts[STMT_SAVEPOINT],
			    DB_NOPARAMS, NULL, NULL)) != DB_OK)
				return rc;
			d->c = c;
			if ((rc = consume(d)) != DB_OK && d->err[0] == '\0')
				snprintf(d->err, sizeof(d->err), "%s: %s",
				    c->name, db_status_str(rc));
		}
	json_decref(d->payload);
	d->payload = NULL;
	return rc;
}

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Gives back the claimed rows from index from on: their lease ends now. */
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
	rc = db_exec(&stmts[STMT_LEASE], P(DB_TEXT(ids), DB_INT(0)), NULL,
	    NULL);
	free(ids);
	json_decref(rest);
	return rc;
}

struct batch {
	json_t		*rows;
	json_t		*done;		/* the rows delivered, this attempt */
	size_t		 handled;	/* delivered or failed, this attempt */
	long long	 max_attempts;
};

/*
 * A whole batch in one transaction, one commit: that is what makes the
 * notifier fast.  A savepoint per row keeps a failing row's partial
 * effects out while it records the failure and the other rows go on.
 * A deadlock or a lost connection undoes the batch; db_tx() retries it
 * or the lease gives the rows back.
 */
static enum db_status
batch_tx(void *arg)
{
	struct batch	*b = arg;
	struct delivery	 d;
	json_t		*row;
	enum db_status	 rc;
	size_t		 i;
	char		*ids;
	long long	 deadline;

	json_array_clear(b->done);
	b->handled = 0;
	deadline = now_ms() + lease_seconds * 1000 / 2;
	json_array_foreach(b->rows, i, row) {
		/* Past half the lease, or asked to stop, the rest go back
		 * now rather than to whoever takes them when it ends. */
		if (stopping || now_ms() > deadline) {
			if ((rc = release(b->rows, i)) != DB_OK)
				return rc;
			break;
		}
		rc = deliver(row, &d);
		b->handled++;
		if (rc == DB_OK) {
			json_array_append(b->done, row);
			continue;
		}
		if (rc == DB_RETRY || rc == DB_UNAVAILABLE)
			return rc;
		log_warnx("outbox %lld (%s): %s", (long long)d.id,
		    json_string_value(json_object_get(row, "topic")), d.err);
		/* Only this row's own savepoint: one set for an earlier
		 * row would undo that row's work. */
		if ((d.c != NULL && (rc = db_exec(&stmts[STMT_ROLLBACK_ROW],
		    DB_NOPARAMS, NULL, NULL)) != DB_OK) ||
		    (rc = db_exec(&stmts[STMT_FAIL], P(DB_TEXT(d.err),
		    DB_INT(b->max_attempts), DB_INT(d.id)), NULL, NULL)) != DB_OK)
			return rc;
	}
	if (json_array_size(b->done) == 0)
		return DB_OK;
	ids = id_list(b->done);
	rc = db_exec(&stmts[STMT_DONE], P(DB_TEXT(ids)), NULL, NULL);
	free(ids);
	return rc;
}

/* One batch.  Returns the rows handled, or -1 when it failed. */
static int
drain_once(long long max_attempts)
{
	struct batch	 b = { NULL, NULL, 0, max_attempts };
	enum db_status	 rc;
	int		 n;

	if ((rc = db_tx(claim_tx, &b.rows)) != DB_OK) {
		json_decref(b.rows);
		return -1;
	}
	n = (int)json_array_size(b.rows);
	b.done = json_array();
	if (n > 0 && (rc = db_tx(batch_tx, &b)) != DB_OK) {
		log_warnx("a batch of %d outbox rows failed (%s); the lease "
		    "returns them", n, db_status_str(rc));
		n = -1;
	} else
		n = (int)b.handled;
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
	    STMT_PURGE_REFRESH, STMT_PURGE_RESETS, STMT_PURGE_THROTTLE };
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
	const char	*conf = getenv("AGORA_CONF");
	char		 dir[4096];
	time_t		 until;
	long long	 max_attempts;
	int		 ch, n, once = 0, rebuild = 0, total = 0;

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
	snprintf(dir, sizeof(dir), "%s/i18n", cfg_str("server", "templates",
	    "templates"));
	if (i18n_load(dir) != 0 || mail_init() != 0 || db_init() != 0)
		return 1;
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
		if (once || time(NULL) >= until)
			break;
		sleep(1);
	}
	if (total > 0)
		log_info("delivered %d outbox rows", total);
	db_release_all(stmts, STMT__MAX);
	outbox_free();
	rollups_free();
	mail_free();
	db_close();
	i18n_free();
	cfg_free();
	return 0;
}
