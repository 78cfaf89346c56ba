/*
 * rollups: the dashboard's read side (sql/011_dashboard.sql), kept by
 * consumers of the Events app's outbox topics.
 *
 * A consumer never trusts the payload for a figure: it takes the ids it
 * names, reads the one raw row (an event, a participation, a reaction, a
 * sponsorship) with a locking read, so it sees the latest committed
 * state, and compares it with the mirror row that says what was counted
 * last time.  The difference goes into the counters: an approved
 * participation later cancelled moves one from approved to cancelled.
 * Since every change to a raw row commits an outbox row after it, the
 * last delivery always leaves mirror and raw row equal, whatever the
 * order or number of deliveries; and the figures can be rebuilt from the
 * raw tables at any time (rollups_rebuild(), notifier -R).
 *
 * The notifier reads committed data, without gap locks (runs at once
 * would deadlock on them as they add mirrors at the end of the same
 * tables).  What keeps two deliveries about one event, in one run or
 * two, from counting the same change twice is the raw event's row, read
 * for update first: they go one after the other.  Lock order: the
 * platform's dash_version row (every delivery moves the platform's
 * figures, so runs take turns there rather than deadlock), the raw
 * events, their mirrors, the other raw rows and their mirrors, then the
 * counters (events by id, days by scope and day, versions by scope).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consumer.h"
#include "db.h"
#include "log.h"
#include "mem.h"

/* The counters a raw row moves: a slot per column of dash_day. */
enum slot {
	S_PENDING, S_APPROVED, S_REJECTED, S_CANCELLED, S_WAITLISTED,
	S_REACTIONS, S_EV_DRAFT, S_EV_PUBLISHED, S_EV_FINISHED,
	S_EV_CANCELLED, S__MAX
};

enum ru_stmt {
	STMT_EVENTS_MIRROR,
	STMT_EVENTS_RAW,
	STMT_EVENTS_INSERT,
	STMT_EVENTS_SET,
	STMT_EVENTS_COUNT,
	STMT_EVENT_DELETE,
	STMT_EVENT_PARTS,
	STMT_EVENT_PARTS_DELETE,
	STMT_EVENT_REACTIONS,
	STMT_EVENT_REACTIONS_DELETE,
	STMT_EVENT_SPONSORS_DELETE,
	STMT_PARTS_MIRROR,
	STMT_PARTS_RAW,
	STMT_PARTS_UPSERT,
	STMT_PARTS_DELETE,
	STMT_REACTION_MIRROR,
	STMT_REACTION_RAW,
	STMT_REACTION_UPSERT,
	STMT_REACTION_DELETE,
	STMT_SPONSOR_RAW,
	STMT_SPONSOR_UPSERT,
	STMT_SPONSOR_DELETE,
	STMT_DAYS_MOVE,
	STMT_VERSIONS_BUMP,
	STMT_PLATFORM_LOCK,
	STMT__MAX
};

/* A JSON array of ids, sorted (the lock order), as a table. */
#define ID_TABLE \
	"JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j "
#define DAY_SQL(col)	"DATE_FORMAT(" col ", '%Y-%m-%d')"

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_EVENTS_MIRROR */
	{ "SELECT d.event_id, d.organizer_id, d.title, d.status, "
	  DAY_SQL("d.day") " AS day FROM " ID_TABLE "STRAIGHT_JOIN dash_event "
	  "d ON d.event_id = j.id FOR UPDATE", NULL, 0 },
	/* STMT_EVENTS_RAW: locked for writing, so that deliveries about
	 * one event, in this run or another, go one after the other */
	{ "SELECT e.id AS event_id, e.organizer_id, e.title, e.status, "
	  DAY_SQL("e.created_at") " AS day FROM " ID_TABLE "STRAIGHT_JOIN "
	  "events e ON e.id = j.id FOR UPDATE", NULL, 0 },
	/* STMT_EVENTS_INSERT: [[id, organizer, title, status, day], ...] */
	{ "INSERT INTO dash_event (event_id, organizer_id, title, status, day) "
	  "SELECT j.e, j.o, j.t, j.s, j.d FROM JSON_TABLE(?, '$[*]' COLUMNS "
	  "(e BIGINT UNSIGNED PATH '$[0]', o BIGINT UNSIGNED PATH '$[1]', "
	  "t VARCHAR(200) CHARACTER SET utf8mb4 PATH '$[2]', s VARCHAR(16) "
	  "PATH '$[3]', d DATE PATH '$[4]')) j", NULL, 0 },
	/* STMT_EVENTS_SET: [[id, title, status], ...] */
	{ "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (e BIGINT UNSIGNED PATH '$[0]', "
	  "t VARCHAR(200) CHARACTER SET utf8mb4 PATH '$[1]', s VARCHAR(16) PATH "
	  "'$[2]')) j STRAIGHT_JOIN dash_event d ON d.event_id = j.e SET "
	  "d.title = j.t, d.status = j.s", NULL, 0 },
	/* STMT_EVENTS_COUNT: [[id, pending, approved, rejected, cancelled,
	 * waitlisted, reactions], ...] added to the events' counters */
	{ "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (e BIGINT UNSIGNED PATH '$[0]', "
	  "c0 INT PATH '$[1]', c1 INT PATH '$[2]', c2 INT PATH '$[3]', c3 INT "
	  "PATH '$[4]', c4 INT PATH '$[5]', c5 INT PATH '$[6]')) j "
	  "STRAIGHT_JOIN dash_event d ON d.event_id = j.e SET d.pending = "
	  "d.pending + j.c0, d.approved = d.approved + j.c1, d.rejected = "
	  "d.rejected + j.c2, d.cancelled = d.cancelled + j.c3, d.waitlisted = "
	  "d.waitlisted + j.c4, d.reactions = d.reactions + j.c5", NULL, 0 },
	/* STMT_EVENT_DELETE */
	{ "DELETE FROM dash_event WHERE event_id = ?", NULL, 0 },
	/* STMT_EVENT_PARTS: what a deleted event's participations counted */
	{ "SELECT organizer_id, status, " DAY_SQL("day") " AS day "
	  "FROM dash_participation WHERE event_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_EVENT_PARTS_DELETE */
	{ "DELETE FROM dash_participation WHERE event_id = ?", NULL, 0 },
	/* STMT_EVENT_REACTIONS */
	{ "SELECT organizer_id, " DAY_SQL("day") " AS day FROM "
	  "dash_reaction WHERE event_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_EVENT_REACTIONS_DELETE */
	{ "DELETE FROM dash_reaction WHERE event_id = ?", NULL, 0 },
	/* STMT_EVENT_SPONSORS_DELETE */
	{ "DELETE FROM dash_sponsor WHERE event_id = ?", NULL, 0 },
	/* STMT_PARTS_MIRROR */
	{ "SELECT m.participation_id AS id, m.event_id, m.organizer_id, "
	  "m.status, " DAY_SQL("m.day") " AS day FROM " ID_TABLE
	  "STRAIGHT_JOIN dash_participation m ON m.participation_id = j.id "
	  "FOR UPDATE", NULL, 0 },
	/* STMT_PARTS_RAW */
	{ "SELECT p.id, p.event_id, e.organizer_id, p.status, "
	  DAY_SQL("p.created_at") " AS day FROM " ID_TABLE "STRAIGHT_JOIN "
	  "participations p ON p.id = j.id JOIN events e ON e.id = p.event_id "
	  "LOCK IN SHARE MODE", NULL, 0 },
	/* STMT_PARTS_UPSERT: [[id, event, organizer, status, day], ...] */
	{ "INSERT INTO dash_participation (participation_id, event_id, "
	  "organizer_id, status, day) SELECT j.p, j.e, j.o, j.s, j.d FROM "
	  "JSON_TABLE(?, '$[*]' COLUMNS (p BIGINT UNSIGNED PATH '$[0]', "
	  "e BIGINT UNSIGNED PATH '$[1]', o BIGINT UNSIGNED PATH '$[2]', "
	  "s VARCHAR(16) PATH '$[3]', d DATE PATH '$[4]')) j ON DUPLICATE KEY "
	  "UPDATE event_id = VALUES(event_id), organizer_id = "
	  "VALUES(organizer_id), status = VALUES(status), day = VALUES(day)",
	  NULL, 0 },
	/* STMT_PARTS_DELETE */
	{ "DELETE m FROM " ID_TABLE "STRAIGHT_JOIN dash_participation m ON "
	  "m.participation_id = j.id", NULL, 0 },
	/* STMT_REACTION_MIRROR */
	{ "SELECT organizer_id, " DAY_SQL("day") " AS day FROM "
	  "dash_reaction WHERE event_id = ? AND user_id = ? FOR UPDATE",
	  NULL, 0 },
	/* STMT_REACTION_RAW */
	{ "SELECT e.organizer_id, " DAY_SQL("r.created_at") " AS day "
	  "FROM event_reactions r JOIN events e ON e.id = r.event_id WHERE "
	  "r.event_id = ? AND r.user_id = ? LOCK IN SHARE MODE", NULL, 0 },
	/* STMT_REACTION_UPSERT */
	{ "INSERT INTO dash_reaction (event_id, user_id, organizer_id, day) "
	  "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE day = VALUES(day)",
	  NULL, 0 },
	/* STMT_REACTION_DELETE */
	{ "DELETE FROM dash_reaction WHERE event_id = ? AND user_id = ?",
	  NULL, 0 },
	/* STMT_SPONSOR_RAW */
	{ "SELECT e.organizer_id, s.status FROM event_sponsors s JOIN events e "
	  "ON e.id = s.event_id WHERE s.event_id = ? AND s.company_id = ? "
	  "LOCK IN SHARE MODE", NULL, 0 },
	/* STMT_SPONSOR_UPSERT */
	{ "INSERT INTO dash_sponsor (event_id, company_id, organizer_id, "
	  "status) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE status = "
	  "VALUES(status)", NULL, 0 },
	/* STMT_SPONSOR_DELETE */
	{ "DELETE FROM dash_sponsor WHERE event_id = ? AND company_id = ?",
	  NULL, 0 },
	/* STMT_DAYS_MOVE: [[scope, day, ten deltas in slot order], ...]
	 * added to each scope's day */
	{ "INSERT INTO dash_day (scope_id, day, pending, approved, rejected, "
	  "cancelled, waitlisted, reactions, ev_draft, ev_published, "
	  "ev_finished, ev_cancelled) SELECT j.s, j.d, j.c0, j.c1, j.c2, j.c3, "
	  "j.c4, j.c5, j.c6, j.c7, j.c8, j.c9 FROM JSON_TABLE(?, '$[*]' "
	  "COLUMNS (s BIGINT UNSIGNED PATH '$[0]', d DATE PATH '$[1]', c0 INT "
	  "PATH '$[2]', c1 INT PATH '$[3]', c2 INT PATH '$[4]', c3 INT PATH "
	  "'$[5]', c4 INT PATH '$[6]', c5 INT PATH '$[7]', c6 INT PATH '$[8]', "
	  "c7 INT PATH '$[9]', c8 INT PATH '$[10]', c9 INT PATH '$[11]')) j "
	  "ON DUPLICATE KEY UPDATE pending = pending + VALUES(pending), "
	  "approved = approved + VALUES(approved), rejected = rejected + "
	  "VALUES(rejected), cancelled = cancelled + VALUES(cancelled), "
	  "waitlisted = waitlisted + VALUES(waitlisted), reactions = reactions "
	  "+ VALUES(reactions), ev_draft = ev_draft + VALUES(ev_draft), "
	  "ev_published = ev_published + VALUES(ev_published), ev_finished = "
	  "ev_finished + VALUES(ev_finished), ev_cancelled = ev_cancelled + "
	  "VALUES(ev_cancelled)", NULL, 0 },
	/* STMT_VERSIONS_BUMP: the scopes whose figures changed, so that the
	 * dashboard's workers drop what they kept of them */
	{ "INSERT INTO dash_version (scope_id, version) SELECT j.id, 1 FROM "
	  ID_TABLE "ON DUPLICATE KEY UPDATE version = version + 1", NULL, 0 },
	/* STMT_PLATFORM_LOCK: every delivery moves the platform's figures;
	 * taking their row first orders the runs, which would deadlock
	 * otherwise (events, then the platform's row, then more events) */
	{ "INSERT INTO dash_version (scope_id, version) VALUES (0, 0) ON "
	  "DUPLICATE KEY UPDATE version = version", NULL, 0 },
};

/*
 * The rebuild: every rollup from the raw tables, in one transaction.  The
 * tests recompute the dashboard's figures with the same definitions.
 */
static struct db_stmt rebuild[] = {
	{ "DELETE FROM dash_day", NULL, 0 },
	{ "DELETE FROM dash_sponsor", NULL, 0 },
	{ "DELETE FROM dash_reaction", NULL, 0 },
	{ "DELETE FROM dash_participation", NULL, 0 },
	{ "DELETE FROM dash_event", NULL, 0 },
	{ "INSERT INTO dash_event (event_id, organizer_id, title, status, day) "
	  "SELECT id, organizer_id, title, status, DATE(created_at) FROM "
	  "events", NULL, 0 },
	{ "INSERT INTO dash_participation (participation_id, event_id, "
	  "organizer_id, status, day) SELECT p.id, p.event_id, e.organizer_id, "
	  "p.status, DATE(p.created_at) FROM participations p JOIN events e ON "
	  "e.id = p.event_id", NULL, 0 },
	{ "INSERT INTO dash_reaction (event_id, user_id, organizer_id, day) "
	  "SELECT r.event_id, r.user_id, e.organizer_id, DATE(r.created_at) "
	  "FROM event_reactions r JOIN events e ON e.id = r.event_id", NULL, 0 },
	{ "INSERT INTO dash_sponsor (event_id, company_id, organizer_id, "
	  "status) SELECT s.event_id, s.company_id, e.organizer_id, s.status "
	  "FROM event_sponsors s JOIN events e ON e.id = s.event_id", NULL, 0 },
	{ "UPDATE dash_event d JOIN (SELECT event_id, SUM(status = 'pending') "
	  "AS pe, SUM(status = 'approved') AS ap, SUM(status = 'rejected') AS "
	  "re, SUM(status = 'cancelled') AS ca, SUM(status = 'waitlisted') AS "
	  "wa FROM dash_participation GROUP BY event_id) x ON x.event_id = "
	  "d.event_id SET d.pending = x.pe, d.approved = x.ap, d.rejected = "
	  "x.re, d.cancelled = x.ca, d.waitlisted = x.wa", NULL, 0 },
	{ "UPDATE dash_event d JOIN (SELECT event_id, COUNT(*) AS n FROM "
	  "dash_reaction GROUP BY event_id) x ON x.event_id = d.event_id SET "
	  "d.reactions = x.n", NULL, 0 },
	/* Each scope twice: the organiser's, then the platform's (0). */
	{ "INSERT INTO dash_day (scope_id, day, pending, approved, rejected, "
	  "cancelled, waitlisted) SELECT organizer_id, day, SUM(status = "
	  "'pending'), SUM(status = 'approved'), SUM(status = 'rejected'), "
	  "SUM(status = 'cancelled'), SUM(status = 'waitlisted') FROM "
	  "dash_participation GROUP BY organizer_id, day", NULL, 0 },
	{ "INSERT INTO dash_day (scope_id, day, pending, approved, rejected, "
	  "cancelled, waitlisted) SELECT 0, day, SUM(status = 'pending'), "
	  "SUM(status = 'approved'), SUM(status = 'rejected'), SUM(status = "
	  "'cancelled'), SUM(status = 'waitlisted') FROM dash_participation "
	  "GROUP BY day", NULL, 0 },
	{ "INSERT INTO dash_day (scope_id, day, reactions) SELECT * FROM "
	  "(SELECT organizer_id, day, COUNT(*) AS n FROM dash_reaction GROUP BY "
	  "organizer_id, day) x ON DUPLICATE KEY UPDATE reactions = x.n",
	  NULL, 0 },
	{ "INSERT INTO dash_day (scope_id, day, reactions) SELECT * FROM "
	  "(SELECT 0, day, COUNT(*) AS n FROM dash_reaction GROUP BY day) x "
	  "ON DUPLICATE KEY UPDATE reactions = x.n", NULL, 0 },
	{ "INSERT INTO dash_day (scope_id, day, ev_draft, ev_published, "
	  "ev_finished, ev_cancelled) SELECT * FROM (SELECT organizer_id, day, "
	  "SUM(status = 'draft') AS d, SUM(status = 'published') AS p, "
	  "SUM(status = 'finished') AS f, SUM(status = 'cancelled') AS c FROM "
	  "dash_event GROUP BY organizer_id, day) x ON DUPLICATE KEY UPDATE "
	  "ev_draft = x.d, ev_published = x.p, ev_finished = x.f, "
	  "ev_cancelled = x.c", NULL, 0 },
	{ "INSERT INTO dash_day (scope_id, day, ev_draft, ev_published, "
	  "ev_finished, ev_cancelled) SELECT * FROM (SELECT 0, day, SUM(status "
	  "= 'draft') AS d, SUM(status = 'published') AS p, SUM(status = "
	  "'finished') AS f, SUM(status = 'cancelled') AS c FROM dash_event "
	  "GROUP BY day) x ON DUPLICATE KEY UPDATE ev_draft = x.d, "
	  "ev_published = x.p, ev_finished = x.f, ev_cancelled = x.c",
	  NULL, 0 },
	/* Every scope's figures changed: the platform's, each organiser's
	 * with a row, and those that had one before. */
	{ "UPDATE dash_version SET version = version + 1", NULL, 0 },
	{ "INSERT IGNORE INTO dash_version (scope_id, version) SELECT 0, 1 "
	  "UNION SELECT DISTINCT organizer_id, 1 FROM dash_event", NULL, 0 },
};

#define NREBUILD	(sizeof(rebuild) / sizeof(rebuild[0]))
#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

static const char *
jstr(json_t *o, const char *k)
{
	const char	*s = json_string_value(json_object_get(o, k));

	return s != NULL ? s : "";
}

/* The slot a participation state counts in, or -1. */
static int
part_slot(const char *status)
{
	static const char *const names[] = { "pending", "approved",
	    "rejected", "cancelled", "waitlisted" };
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(status, names[i]) == 0)
			return (int)i;
	return -1;
}

/* The slot an event status counts in, or -1. */
static int
event_slot(const char *status)
{
	static const char *const names[] = { "draft", "published",
	    "finished", "cancelled" };
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(status, names[i]) == 0)
			return S_EV_DRAFT + (int)i;
	return -1;
}

/*
 * The counter changes of one delivery, gathered as it reads and written
 * at its end in two statements, in a fixed order (events by id, then
 * days by scope and day) so that two notifier runs take the counters'
 * locks in the same order.
 */
struct ev_delta {
	int64_t		 event_id;
	long long	 d[S_REACTIONS + 1];
};

struct day_delta {
	int64_t		 scope;
	char		 day[11];
	long long	 d[S__MAX];
};

struct tally {
	struct ev_delta	*ev;
	size_t		 nev, evcap;
	struct day_delta *days;
	size_t		 ndays, daycap;
	int64_t		*scopes;	/* whose figures changed */
	size_t		 nscopes, scopecap;
};

static void
tally_free(struct tally *t)
{
	x_free(t->ev);
	x_free(t->days);
	x_free(t->scopes);
	memset(t, 0, sizeof(*t));
}

/* Notes that an organiser's figures, and so the platform's, changed. */
static void
tally_touch(struct tally *t, int64_t organizer_id)
{
	int64_t	 scopes[2] = { organizer_id, 0 };
	size_t	 i, k;

	for (k = 0; k < 2; k++) {
		for (i = 0; i < t->nscopes; i++)
			if (t->scopes[i] == scopes[k])
				break;
		if (i < t->nscopes)
			continue;
		if (t->nscopes == t->scopecap) {
			t->scopecap = t->scopecap ? 2 * t->scopecap : 8;
			t->scopes = x_realloc(t->scopes, t->scopecap *
			    sizeof(*t->scopes));
		}
		t->scopes[t->nscopes++] = scopes[k];
	}
}

/* Adds delta to one slot of a day, for the organiser and the platform. */
static void
tally_day(struct tally *t, int64_t organizer_id, const char *day, int slot,
    int delta)
{
	int64_t		 scopes[2] = { organizer_id, 0 };
	struct day_delta *dd;
	size_t		 i, k;

	if (slot < 0)
		return;		/* a state the dashboard does not count */
	tally_touch(t, organizer_id);
	for (k = 0; k < 2; k++) {
		for (i = 0; i < t->ndays; i++)
			if (t->days[i].scope == scopes[k] &&
			    strcmp(t->days[i].day, day) == 0)
				break;
		if (i == t->ndays) {
			if (t->ndays == t->daycap) {
				t->daycap = t->daycap ? 2 * t->daycap : 16;
				t->days = x_realloc(t->days, t->daycap *
				    sizeof(*t->days));
			}
			dd = &t->days[t->ndays++];
			memset(dd, 0, sizeof(*dd));
			dd->scope = scopes[k];
			snprintf(dd->day, sizeof(dd->day), "%s", day);
		}
		t->days[i].d[slot] += delta;
	}
}

/* Adds delta to one of an event's own counters (a participation state
 * or its reactions). */
static void
tally_event(struct tally *t, int64_t event_id, int slot, int delta)
{
	size_t	 i;

	if (slot < 0 || slot > S_REACTIONS)
		return;
	for (i = 0; i < t->nev; i++)
		if (t->ev[i].event_id == event_id)
			break;
	if (i == t->nev) {
		if (t->nev == t->evcap) {
			t->evcap = t->evcap ? 2 * t->evcap : 16;
			t->ev = x_realloc(t->ev, t->evcap * sizeof(*t->ev));
		}
		memset(&t->ev[i], 0, sizeof(t->ev[i]));
		t->ev[i].event_id = event_id;
		t->nev++;
	}
	t->ev[i].d[slot] += delta;
}

static int
ev_order(const void *a, const void *b)
{
	const struct ev_delta *x = a, *y = b;

	return (x->event_id > y->event_id) - (x->event_id < y->event_id);
}

static int
day_order(const void *a, const void *b)
{
	const struct day_delta *x = a, *y = b;

	if (x->scope != y->scope)
		return (x->scope > y->scope) - (x->scope < y->scope);
	return strcmp(x->day, y->day);
}

static bool
all_zero(const long long *d, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (d[i] != 0)
			return false;
	return true;
}

/* Runs stmt over a JSON array it takes (nothing when it is empty). */
static enum db_status
exec_all(enum ru_stmt stmt, json_t *rows)
{
	enum db_status	 rc;

	rc = db_exec_chunks(&stmts[stmt], NULL, rows);
	json_decref(rows);
	return rc;
}

/* The ids as the JSON text the set statements take, sorted and each
 * once (the lock order). */
static int
id_order(const void *a, const void *b)
{
	const int64_t	*x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

static char *
id_text(int64_t *ids, size_t n)
{
	json_t		*arr;
	char		*text;
	size_t		 i;

	qsort(ids, n, sizeof(*ids), id_order);
	arr = json_array();
	for (i = 0; i < n; i++)
		if (i == 0 || ids[i] != ids[i - 1])
			json_array_append_new(arr, json_integer(ids[i]));
	text = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return text;
}

/* Writes the gathered counter changes and raises the versions of the
 * scopes they concern. */
static enum db_status
tally_flush(struct tally *t)
{
	json_t		*rows, *row;
	enum db_status	 rc;
	char		*text;
	size_t		 i, k;

	if (t->nev > 0)
		qsort(t->ev, t->nev, sizeof(*t->ev), ev_order);
	rows = json_array();
	for (i = 0; i < t->nev; i++) {
		if (all_zero(t->ev[i].d, S_REACTIONS + 1))
			continue;
		row = json_array();
		json_array_append_new(row, json_integer(t->ev[i].event_id));
		for (k = 0; k <= S_REACTIONS; k++)
			json_array_append_new(row, json_integer(t->ev[i].d[k]));
		json_array_append_new(rows, row);
	}
	if ((rc = exec_all(STMT_EVENTS_COUNT, rows)) != DB_OK)
		return rc;
	if (t->ndays > 0)
		qsort(t->days, t->ndays, sizeof(*t->days), day_order);
	rows = json_array();
	for (i = 0; i < t->ndays; i++) {
		if (all_zero(t->days[i].d, S__MAX))
			continue;
		row = json_pack("[I, s]", (json_int_t)t->days[i].scope,
		    t->days[i].day);
		for (k = 0; k < S__MAX; k++)
			json_array_append_new(row, json_integer(t->days[i].d[k]));
		json_array_append_new(rows, row);
	}
	if ((rc = exec_all(STMT_DAYS_MOVE, rows)) != DB_OK ||
	    t->nscopes == 0)
		return rc;
	text = id_text(t->scopes, t->nscopes);
	rc = db_exec(&stmts[STMT_VERSIONS_BUMP], P(DB_TEXT(text)), NULL, NULL);
	free(text);
	return rc;
}

/* Rows of a set statement over ids, as an object keyed by the id column. */
static enum db_status
query_by_id(enum ru_stmt stmt, const char *ids, const char *key, json_t **out)
{
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	char		 k[24];
	size_t		 i;

	*out = NULL;
	if ((rc = db_query(&stmts[stmt], P(DB_TEXT(ids)), &rows)) != DB_OK)
		return rc;
	*out = json_object();
	json_array_foreach(rows, i, row) {
		snprintf(k, sizeof(k), "%lld", (long long)jint(row, key));
		json_object_set(*out, k, row);
	}
	json_decref(rows);
	return DB_OK;
}

/* A deleted event: what its participations and reactions counted goes. */
static enum db_status
event_forget(int64_t event_id, json_t *mirror, struct tally *t)
{
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	size_t		 i;

	if ((rc = db_query(&stmts[STMT_EVENT_PARTS], P(DB_INT(event_id)),
	    &rows)) != DB_OK)
		goto out;
	json_array_foreach(rows, i, row)
		tally_day(t, jint(row, "organizer_id"), jstr(row, "day"),
		    part_slot(jstr(row, "status")), -1);
	json_decref(rows);
	rows = NULL;
	if ((rc = db_query(&stmts[STMT_EVENT_REACTIONS], P(DB_INT(event_id)),
	    &rows)) != DB_OK)
		goto out;
	json_array_foreach(rows, i, row)
		tally_day(t, jint(row, "organizer_id"), jstr(row, "day"),
		    S_REACTIONS, -1);
	tally_day(t, jint(mirror, "organizer_id"), jstr(mirror, "day"),
	    event_slot(jstr(mirror, "status")), -1);
	if ((rc = db_exec(&stmts[STMT_EVENT_PARTS_DELETE], P(DB_INT(event_id)),
	    NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_EVENT_REACTIONS_DELETE],
	    P(DB_INT(event_id)), NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_EVENT_SPONSORS_DELETE],
	    P(DB_INT(event_id)), NULL, NULL)) != DB_OK)
		goto out;
	rc = db_exec(&stmts[STMT_EVENT_DELETE], P(DB_INT(event_id)), NULL, NULL);
out:
	json_decref(rows);
	return rc;
}

/* Compares one event's mirror with its raw row: what to insert or set,
 * and the day counters that move. */
static enum db_status
event_diff(int64_t id, json_t *old, json_t *raw, json_t *ins, json_t *set,
    struct tally *t)
{
	if (raw == NULL)
		return old != NULL ? event_forget(id, old, t) : DB_OK;
	if (old == NULL) {
		json_array_append_new(ins, json_pack("[I, I, s, s, s]",
		    (json_int_t)id, (json_int_t)jint(raw, "organizer_id"),
		    jstr(raw, "title"), jstr(raw, "status"), jstr(raw, "day")));
		tally_day(t, jint(raw, "organizer_id"), jstr(raw, "day"),
		    event_slot(jstr(raw, "status")), 1);
		return DB_OK;
	}
	if (strcmp(jstr(old, "title"), jstr(raw, "title")) == 0 &&
	    strcmp(jstr(old, "status"), jstr(raw, "status")) == 0)
		return DB_OK;
	json_array_append_new(set, json_pack("[I, s, s]", (json_int_t)id,
	    jstr(raw, "title"), jstr(raw, "status")));
	tally_touch(t, jint(old, "organizer_id"));	/* a new title */
	/* The organiser and the creation day never change. */
	tally_day(t, jint(old, "organizer_id"), jstr(old, "day"),
	    event_slot(jstr(old, "status")), -1);
	tally_day(t, jint(old, "organizer_id"), jstr(old, "day"),
	    event_slot(jstr(raw, "status")), 1);
	return DB_OK;
}

/* Brings the mirrors of n events in line with their raw rows. */
static enum db_status
sync_events(int64_t *ids, size_t n, struct tally *t)
{
	json_t		*old = NULL, *raw = NULL, *ins, *set, *ids_json;
	enum db_status	 rc;
	char		*text, k[24];
	size_t		 i;

	if (n == 0)
		return DB_OK;
	text = id_text(ids, n);
	ins = json_array();
	set = json_array();
	if ((rc = query_by_id(STMT_EVENTS_RAW, text, "event_id", &raw)) !=
	    DB_OK || (rc = query_by_id(STMT_EVENTS_MIRROR, text, "event_id",
	    &old)) != DB_OK)
		goto out;
	ids_json = json_loads(text, 0, NULL);
	for (i = 0; rc == DB_OK && i < json_array_size(ids_json); i++) {
		snprintf(k, sizeof(k), "%lld", (long long)json_integer_value(
		    json_array_get(ids_json, i)));
		rc = event_diff(json_integer_value(json_array_get(ids_json, i)),
		    json_object_get(old, k), json_object_get(raw, k), ins, set,
		    t);
	}
	json_decref(ids_json);
	if (rc != DB_OK)
		goto out;
	rc = exec_all(STMT_EVENTS_INSERT, ins);
	ins = NULL;
	if (rc == DB_OK)
		rc = exec_all(STMT_EVENTS_SET, set);
	set = NULL;
out:
	json_decref(ins);
	json_decref(set);
	json_decref(old);
	json_decref(raw);
	free(text);
	return rc;
}

static enum db_status
sync_event(int64_t event_id, struct tally *t)
{
	return sync_events(&event_id, 1, t);
}

/* Compares one participation's mirror with its raw row. */
static void
participation_diff(int64_t id, json_t *old, json_t *raw, json_t *up,
    json_t *gone, struct tally *t)
{
	if (old != NULL && raw != NULL &&
	    strcmp(jstr(old, "status"), jstr(raw, "status")) == 0 &&
	    strcmp(jstr(old, "day"), jstr(raw, "day")) == 0 &&
	    jint(old, "event_id") == jint(raw, "event_id"))
		return;		/* counted as it is */
	if (old != NULL) {
		tally_day(t, jint(old, "organizer_id"), jstr(old, "day"),
		    part_slot(jstr(old, "status")), -1);
		tally_event(t, jint(old, "event_id"), part_slot(jstr(old,
		    "status")), -1);
	}
	if (raw == NULL) {
		if (old != NULL)
			json_array_append_new(gone, json_integer(id));
		return;
	}
	tally_day(t, jint(raw, "organizer_id"), jstr(raw, "day"),
	    part_slot(jstr(raw, "status")), 1);
	tally_event(t, jint(raw, "event_id"), part_slot(jstr(raw, "status")), 1);
	json_array_append_new(up, json_pack("[I, I, I, s, s]", (json_int_t)id,
	    (json_int_t)jint(raw, "event_id"),
	    (json_int_t)jint(raw, "organizer_id"), jstr(raw, "status"),
	    jstr(raw, "day")));
}

/*
 * Brings n participations' mirrors in line with their raw rows, their
 * events first (the lock order).  A row whose raw event is not the one
 * its payload named makes that event synced too.
 */
static enum db_status
sync_participations(int64_t *ids, int64_t *events, size_t n, struct tally *t)
{
	json_t		*old = NULL, *raw = NULL, *up, *gone, *idl, *row;
	enum db_status	 rc;
	int64_t		*more;
	const char	*k;
	char		*text, key[24];
	size_t		 i, nmore = 0;

	qsort(events, n, sizeof(*events), id_order);	/* for bsearch */
	if ((rc = sync_events(events, n, t)) != DB_OK)
		return rc;
	text = id_text(ids, n);
	up = json_array();
	gone = json_array();
	more = x_calloc(n, sizeof(*more));
	if ((rc = query_by_id(STMT_PARTS_MIRROR, text, "id", &old)) != DB_OK ||
	    (rc = query_by_id(STMT_PARTS_RAW, text, "id", &raw)) != DB_OK)
		goto out;
	json_object_foreach(raw, k, row)
		if (bsearch(&(int64_t){ jint(row, "event_id") }, events, n,
		    sizeof(*events), id_order) == NULL)
			more[nmore++] = jint(row, "event_id");
	if ((rc = sync_events(more, nmore, t)) != DB_OK)
		goto out;
	idl = json_loads(text, 0, NULL);
	for (i = 0; i < json_array_size(idl); i++) {
		snprintf(key, sizeof(key), "%lld", (long long)json_integer_value(
		    json_array_get(idl, i)));
		participation_diff(json_integer_value(json_array_get(idl, i)),
		    json_object_get(old, key), json_object_get(raw, key), up,
		    gone, t);
	}
	json_decref(idl);
	rc = exec_all(STMT_PARTS_UPSERT, up);
	up = NULL;
	if (rc != DB_OK)
		goto out;
	rc = exec_all(STMT_PARTS_DELETE, gone);
	gone = NULL;
out:
	json_decref(up);
	json_decref(gone);
	json_decref(old);
	json_decref(raw);
	x_free(more);
	free(text);
	return rc;
}

/* The first real error of the mirror's and the raw row's reads (a row
 * that is not there is no error). */
static enum db_status
read_error(enum db_status mirror, enum db_status raw)
{
	if (mirror != DB_OK && mirror != DB_NOTFOUND)
		return mirror;
	if (raw != DB_OK && raw != DB_NOTFOUND)
		return raw;
	return DB_OK;
}

/* Brings a reaction's mirror in line with its raw row. */
static enum db_status
sync_reaction(int64_t event_id, int64_t user_id, struct tally *t)
{
	json_t		*old = NULL, *raw = NULL;
	enum db_status	 rc, ro, rr;

	if ((rc = sync_event(event_id, t)) != DB_OK)
		return rc;
	ro = db_query_one(&stmts[STMT_REACTION_MIRROR], P(DB_INT(event_id),
	    DB_INT(user_id)), &old);
	rr = db_query_one(&stmts[STMT_REACTION_RAW], P(DB_INT(event_id),
	    DB_INT(user_id)), &raw);
	if ((rc = read_error(ro, rr)) != DB_OK)
		goto out;
	if (ro == DB_OK && rr == DB_OK &&
	    strcmp(jstr(old, "day"), jstr(raw, "day")) == 0)
		goto out;
	if (ro == DB_OK) {
		tally_day(t, jint(old, "organizer_id"), jstr(old, "day"),
		    S_REACTIONS, -1);
		tally_event(t, event_id, S_REACTIONS, -1);
	}
	if (rr == DB_NOTFOUND) {
		rc = db_exec(&stmts[STMT_REACTION_DELETE], P(DB_INT(event_id),
		    DB_INT(user_id)), NULL, NULL);
		goto out;
	}
	tally_day(t, jint(raw, "organizer_id"), jstr(raw, "day"), S_REACTIONS,
	    1);
	tally_event(t, event_id, S_REACTIONS, 1);
	rc = db_exec(&stmts[STMT_REACTION_UPSERT], P(DB_INT(event_id),
	    DB_INT(user_id), DB_INT(jint(raw, "organizer_id")), DB_TEXT(jstr(raw,
	    "day"))), NULL, NULL);
out:
	json_decref(old);
	json_decref(raw);
	return rc;
}

/* Brings a sponsorship's mirror in line with its raw row; the sponsors
 * table is summed when read, so there is no counter to move. */
static enum db_status
sync_sponsor(int64_t event_id, int64_t company_id, struct tally *t)
{
	json_t		*raw = NULL;
	enum db_status	 rc;

	if ((rc = sync_event(event_id, t)) != DB_OK)
		return rc;
	rc = db_query_one(&stmts[STMT_SPONSOR_RAW], P(DB_INT(event_id),
	    DB_INT(company_id)), &raw);
	if (rc == DB_NOTFOUND)
		rc = db_exec(&stmts[STMT_SPONSOR_DELETE], P(DB_INT(event_id),
		    DB_INT(company_id)), NULL, NULL);
	else if (rc == DB_OK) {
		tally_touch(t, jint(raw, "organizer_id"));
		rc = db_exec(&stmts[STMT_SPONSOR_UPSERT], P(DB_INT(event_id),
		    DB_INT(company_id), DB_INT(jint(raw, "organizer_id")),
		    DB_TEXT(jstr(raw, "status"))), NULL, NULL);
	}
	json_decref(raw);
	return rc;
}

/* A positive id from the payload, or 0 with err filled. */
static int64_t
payload_id(json_t *payload, const char *key, char *err, size_t errlen)
{
	json_t	*v = json_object_get(payload, key);

	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		snprintf(err, errlen, "rollups: the payload has no %s", key);
		return 0;
	}
	return json_integer_value(v);
}

/* Every delivery starts here: see STMT_PLATFORM_LOCK. */
static enum db_status
platform_first(void)
{
	return db_exec(&stmts[STMT_PLATFORM_LOCK], DB_NOPARAMS, NULL, NULL);
}

/* Writes the tally after the work, and says what failed. */
static enum db_status
finish(enum db_status rc, struct tally *t, const char *what, char *err,
    size_t errlen)
{
	if (rc == DB_OK)
		rc = tally_flush(t);
	tally_free(t);
	if (rc != DB_OK)
		snprintf(err, errlen, "rollups: %s: %s", what, db_status_str(rc));
	return rc;
}

static enum db_status
on_event(int64_t outbox_id, json_t *payload, char *err, size_t errlen)
{
	struct tally	 t = { 0 };
	enum db_status	 rc;
	int64_t		 id;

	(void)outbox_id;
	if ((id = payload_id(payload, "event_id", err, errlen)) == 0)
		return DB_ERROR;
	if ((rc = platform_first()) == DB_OK)
		rc = sync_event(id, &t);
	return finish(rc, &t, "event", err, errlen);
}

/* Any number of participation rows at once (one, row by row). */
static enum db_status
on_participations(const struct outbox_row *rows, size_t n, char *err,
    size_t errlen)
{
	struct tally	 t = { 0 };
	enum db_status	 rc = DB_OK;
	int64_t		*ids, *evs;
	size_t		 i;

	ids = x_calloc(n, sizeof(*ids));
	evs = x_calloc(n, sizeof(*evs));
	for (i = 0; i < n; i++)
		if ((ids[i] = payload_id(rows[i].payload, "participation_id",
		    err, errlen)) == 0 || (evs[i] = payload_id(rows[i].payload,
		    "event_id", err, errlen)) == 0) {
			rc = DB_ERROR;
			break;
		}
	if (rc == DB_OK) {
		if ((rc = platform_first()) == DB_OK)
			rc = sync_participations(ids, evs, n, &t);
		rc = finish(rc, &t, "participation", err, errlen);
	}
	x_free(ids);
	x_free(evs);
	return rc;
}

static enum db_status
on_reaction(int64_t outbox_id, json_t *payload, char *err, size_t errlen)
{
	struct tally	 t = { 0 };
	enum db_status	 rc;
	int64_t		 ev, user;

	(void)outbox_id;
	if ((ev = payload_id(payload, "event_id", err, errlen)) == 0 ||
	    (user = payload_id(payload, "user_id", err, errlen)) == 0)
		return DB_ERROR;
	if ((rc = platform_first()) == DB_OK)
		rc = sync_reaction(ev, user, &t);
	return finish(rc, &t, "reaction", err, errlen);
}

static enum db_status
on_sponsor(int64_t outbox_id, json_t *payload, char *err, size_t errlen)
{
	struct tally	 t = { 0 };
	enum db_status	 rc;
	int64_t		 ev, company;

	(void)outbox_id;
	if ((ev = payload_id(payload, "event_id", err, errlen)) == 0 ||
	    (company = payload_id(payload, "company_id", err, errlen)) == 0)
		return DB_ERROR;
	if ((rc = platform_first()) == DB_OK)
		rc = sync_sponsor(ev, company, &t);
	return finish(rc, &t, "sponsor", err, errlen);
}

const struct consumer rollup_consumers[] = {
	{ "rollups.event.created", "event.created", on_event, NULL },
	{ "rollups.event.updated", "event.updated", on_event, NULL },
	{ "rollups.event.published", "event.published", on_event, NULL },
	{ "rollups.event.finished", "event.finished", on_event, NULL },
	{ "rollups.event.cancelled", "event.cancelled", on_event, NULL },
	{ "rollups.event.deleted", "event.deleted", on_event, NULL },
	{ "rollups.participation.created", "participation.created",
	    NULL, on_participations },
	{ "rollups.participation.approved", "participation.approved",
	    NULL, on_participations },
	{ "rollups.participation.rejected", "participation.rejected",
	    NULL, on_participations },
	{ "rollups.participation.cancelled", "participation.cancelled",
	    NULL, on_participations },
	{ "rollups.participation.promoted", "participation.promoted",
	    NULL, on_participations },
	{ "rollups.reaction.added", "reaction.added", on_reaction, NULL },
	{ "rollups.reaction.removed", "reaction.removed", on_reaction, NULL },
	{ "rollups.sponsor.requested", "sponsor.requested", on_sponsor, NULL },
	{ "rollups.sponsor.invited", "sponsor.invited", on_sponsor, NULL },
	{ "rollups.sponsor.accepted", "sponsor.accepted", on_sponsor, NULL },
	{ "rollups.sponsor.declined", "sponsor.declined", on_sponsor, NULL },
	{ NULL, NULL, NULL, NULL },
};

static enum db_status
rebuild_tx(void *arg)
{
	enum db_status	 rc;
	size_t		 i;

	(void)arg;
	for (i = 0; i < NREBUILD; i++)
		if ((rc = db_exec(&rebuild[i], DB_NOPARAMS, NULL, NULL)) != DB_OK)
			return rc;
	return DB_OK;
}

/*
 * Recomputes every rollup from the raw tables in one transaction; the
 * consumers' later deliveries find their mirrors already in line.  0 or
 * -1 with the reason logged.
 */
int
rollups_rebuild(void)
{
	enum db_status	 rc;

	if ((rc = db_tx(rebuild_tx, NULL)) != DB_OK) {
		log_warnx("rebuilding the dashboard rollups: %s",
		    db_status_str(rc));
		return -1;
	}
	log_info("dashboard rollups rebuilt from the raw tables");
	return 0;
}

/* Releases the rollups' statements. */
void
rollups_free(void)
{
	db_release_all(stmts, STMT__MAX);
	db_release_all(rebuild, NREBUILD);
}
