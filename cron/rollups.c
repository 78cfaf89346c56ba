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
 * Lock order: the event's mirror, then the participation's or reaction's
 * mirror, then the day counters, organiser before platform.
 */
#include <stdio.h>
#include <string.h>

#include "consumer.h"
#include "db.h"
#include "log.h"

/* The counters a raw row moves: a slot per column of dash_day. */
enum slot {
	S_PENDING, S_APPROVED, S_REJECTED, S_CANCELLED, S_WAITLISTED,
	S_REACTIONS, S_EV_DRAFT, S_EV_PUBLISHED, S_EV_FINISHED,
	S_EV_CANCELLED, S__MAX
};

enum ru_stmt {
	STMT_EVENT_MIRROR,
	STMT_EVENT_RAW,
	STMT_EVENT_INSERT,
	STMT_EVENT_SET,
	STMT_EVENT_COUNTS,
	STMT_EVENT_DELETE,
	STMT_EVENT_PARTS,
	STMT_EVENT_PARTS_DELETE,
	STMT_EVENT_REACTIONS,
	STMT_EVENT_REACTIONS_DELETE,
	STMT_EVENT_SPONSORS_DELETE,
	STMT_PART_MIRROR,
	STMT_PART_RAW,
	STMT_PART_UPSERT,
	STMT_PART_DELETE,
	STMT_REACTION_MIRROR,
	STMT_REACTION_RAW,
	STMT_REACTION_UPSERT,
	STMT_REACTION_DELETE,
	STMT_SPONSOR_RAW,
	STMT_SPONSOR_UPSERT,
	STMT_SPONSOR_DELETE,
	STMT_DAY_MOVE,
	STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_EVENT_MIRROR */
	{ "SELECT organizer_id, status, DATE_FORMAT(day, '%Y-%m-%d') AS day "
	  "FROM dash_event WHERE event_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_EVENT_RAW */
	{ "SELECT organizer_id, title, status, DATE_FORMAT(created_at, "
	  "'%Y-%m-%d') AS day FROM events WHERE id = ? LOCK IN SHARE MODE",
	  NULL, 0 },
	/* STMT_EVENT_INSERT */
	{ "INSERT INTO dash_event (event_id, organizer_id, title, status, day) "
	  "VALUES (?, ?, ?, ?, ?)", NULL, 0 },
	/* STMT_EVENT_SET */
	{ "UPDATE dash_event SET title = ?, status = ? WHERE event_id = ?",
	  NULL, 0 },
	/* STMT_EVENT_COUNTS */
	{ "UPDATE dash_event SET pending = pending + ?, approved = approved + "
	  "?, rejected = rejected + ?, cancelled = cancelled + ?, waitlisted "
	  "= waitlisted + ?, reactions = reactions + ? WHERE event_id = ?",
	  NULL, 0 },
	/* STMT_EVENT_DELETE */
	{ "DELETE FROM dash_event WHERE event_id = ?", NULL, 0 },
	/* STMT_EVENT_PARTS: what a deleted event's participations counted */
	{ "SELECT organizer_id, status, DATE_FORMAT(day, '%Y-%m-%d') AS day "
	  "FROM dash_participation WHERE event_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_EVENT_PARTS_DELETE */
	{ "DELETE FROM dash_participation WHERE event_id = ?", NULL, 0 },
	/* STMT_EVENT_REACTIONS */
	{ "SELECT organizer_id, DATE_FORMAT(day, '%Y-%m-%d') AS day FROM "
	  "dash_reaction WHERE event_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_EVENT_REACTIONS_DELETE */
	{ "DELETE FROM dash_reaction WHERE event_id = ?", NULL, 0 },
	/* STMT_EVENT_SPONSORS_DELETE */
	{ "DELETE FROM dash_sponsor WHERE event_id = ?", NULL, 0 },
	/* STMT_PART_MIRROR */
	{ "SELECT event_id, organizer_id, status, DATE_FORMAT(day, '%Y-%m-%d') "
	  "AS day FROM dash_participation WHERE participation_id = ? FOR UPDATE",
	  NULL, 0 },
	/* STMT_PART_RAW */
	{ "SELECT p.event_id, e.organizer_id, p.status, DATE_FORMAT("
	  "p.created_at, '%Y-%m-%d') AS day FROM participations p JOIN events "
	  "e ON e.id = p.event_id WHERE p.id = ? LOCK IN SHARE MODE", NULL, 0 },
	/* STMT_PART_UPSERT */
	{ "INSERT INTO dash_participation (participation_id, event_id, "
	  "organizer_id, status, day) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY "
	  "UPDATE status = VALUES(status), day = VALUES(day)", NULL, 0 },
	/* STMT_PART_DELETE */
	{ "DELETE FROM dash_participation WHERE participation_id = ?", NULL, 0 },
	/* STMT_REACTION_MIRROR */
	{ "SELECT organizer_id, DATE_FORMAT(day, '%Y-%m-%d') AS day FROM "
	  "dash_reaction WHERE event_id = ? AND user_id = ? FOR UPDATE",
	  NULL, 0 },
	/* STMT_REACTION_RAW */
	{ "SELECT e.organizer_id, DATE_FORMAT(r.created_at, '%Y-%m-%d') AS day "
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
	/* STMT_DAY_MOVE: adds a vector of deltas to one scope's day */
	{ "INSERT INTO dash_day (scope_id, day, pending, approved, rejected, "
	  "cancelled, waitlisted, reactions, ev_draft, ev_published, "
	  "ev_finished, ev_cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	  "?) ON DUPLICATE KEY UPDATE pending = pending + VALUES(pending), "
	  "approved = approved + VALUES(approved), rejected = rejected + "
	  "VALUES(rejected), cancelled = cancelled + VALUES(cancelled), "
	  "waitlisted = waitlisted + VALUES(waitlisted), reactions = reactions "
	  "+ VALUES(reactions), ev_draft = ev_draft + VALUES(ev_draft), "
	  "ev_published = ev_published + VALUES(ev_published), ev_finished = "
	  "ev_finished + VALUES(ev_finished), ev_cancelled = ev_cancelled + "
	  "VALUES(ev_cancelled)", NULL, 0 },
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
};

#define NREBUILD	(sizeof(rebuild) / sizeof(rebuild[0]))
#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

static const char *
jstr(json_t *o, const char *k)
{
	const char	*s = json_string_value(json_object_get(o, k));

	return s != NULL ? s : "";
}

static int64_t
jint(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
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

/* Adds delta to one slot of a day, for the organiser and the platform. */
static enum db_status
day_move(int64_t organizer_id, const char *day, int slot, int delta)
{
	long long	 d[S__MAX];
	int64_t		 scopes[2];
	enum db_status	 rc;
	size_t		 i;

	if (slot < 0)
		return DB_OK;	/* a state the dashboard does not count */
	memset(d, 0, sizeof(d));
	d[slot] = delta;
	scopes[0] = organizer_id;
	scopes[1] = 0;
	for (i = 0; i < 2; i++)
		if ((rc = db_exec(&stmts[STMT_DAY_MOVE], P(DB_INT(scopes[i]),
		    DB_TEXT(day), DB_INT(d[0]), DB_INT(d[1]), DB_INT(d[2]),
		    DB_INT(d[3]), DB_INT(d[4]), DB_INT(d[5]), DB_INT(d[6]),
		    DB_INT(d[7]), DB_INT(d[8]), DB_INT(d[9])), NULL, NULL)) !=
		    DB_OK)
			return rc;
	return DB_OK;
}

/* Adds delta to one of an event's own counters (a participation state
 * or its reactions). */
static enum db_status
event_count(int64_t event_id, int slot, int delta)
{
	long long	 d[S_REACTIONS + 1];

	if (slot < 0 || slot > S_REACTIONS)
		return DB_OK;
	memset(d, 0, sizeof(d));
	d[slot] = delta;
	return db_exec(&stmts[STMT_EVENT_COUNTS], P(DB_INT(d[0]), DB_INT(d[1]),
	    DB_INT(d[2]), DB_INT(d[3]), DB_INT(d[4]), DB_INT(d[5]),
	    DB_INT(event_id)), NULL, NULL);
}

/* A deleted event: what its participations and reactions counted goes. */
static enum db_status
event_forget(int64_t event_id, json_t *mirror)
{
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	size_t		 i;

	if ((rc = db_query(&stmts[STMT_EVENT_PARTS], P(DB_INT(event_id)),
	    &rows)) != DB_OK)
		goto out;
	json_array_foreach(rows, i, row)
		if ((rc = day_move(jint(row, "organizer_id"), jstr(row, "day"),
		    part_slot(jstr(row, "status")), -1)) != DB_OK)
			goto out;
	json_decref(rows);
	rows = NULL;
	if ((rc = db_query(&stmts[STMT_EVENT_REACTIONS], P(DB_INT(event_id)),
	    &rows)) != DB_OK)
		goto out;
	json_array_foreach(rows, i, row)
		if ((rc = day_move(jint(row, "organizer_id"), jstr(row, "day"),
		    S_REACTIONS, -1)) != DB_OK)
			goto out;
	if ((rc = db_exec(&stmts[STMT_EVENT_PARTS_DELETE], P(DB_INT(event_id)),
	    NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_EVENT_REACTIONS_DELETE],
	    P(DB_INT(event_id)), NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_EVENT_SPONSORS_DELETE],
	    P(DB_INT(event_id)), NULL, NULL)) != DB_OK ||
	    (rc = day_move(jint(mirror, "organizer_id"), jstr(mirror, "day"),
	    event_slot(jstr(mirror, "status")), -1)) != DB_OK)
		goto out;
	rc = db_exec(&stmts[STMT_EVENT_DELETE], P(DB_INT(event_id)), NULL, NULL);
out:
	json_decref(rows);
	return rc;
}

/* Brings an event's mirror in line with its raw row. */
static enum db_status
sync_event(int64_t event_id)
{
	json_t		*old = NULL, *raw = NULL;
	enum db_status	 rc, ro, rr;

	ro = db_query_one(&stmts[STMT_EVENT_MIRROR], P(DB_INT(event_id)), &old);
	if (ro != DB_OK && ro != DB_NOTFOUND) {
		rc = ro;
		goto out;
	}
	rr = db_query_one(&stmts[STMT_EVENT_RAW], P(DB_INT(event_id)), &raw);
	if (rr != DB_OK && rr != DB_NOTFOUND) {
		rc = rr;
		goto out;
	}
	rc = DB_OK;
	if (rr == DB_NOTFOUND) {
		if (ro == DB_OK)
			rc = event_forget(event_id, old);
		goto out;
	}
	if (ro == DB_NOTFOUND) {
		if ((rc = db_exec(&stmts[STMT_EVENT_INSERT], P(DB_INT(event_id),
		    DB_INT(jint(raw, "organizer_id")), DB_TEXT(jstr(raw,
		    "title")), DB_TEXT(jstr(raw, "status")), DB_TEXT(jstr(raw,
		    "day"))), NULL, NULL)) == DB_OK)
			rc = day_move(jint(raw, "organizer_id"), jstr(raw, "day"),
			    event_slot(jstr(raw, "status")), 1);
		goto out;
	}
	if ((rc = db_exec(&stmts[STMT_EVENT_SET], P(DB_TEXT(jstr(raw, "title")),
	    DB_TEXT(jstr(raw, "status")), DB_INT(event_id)), NULL, NULL)) !=
	    DB_OK)
		goto out;
	/* The organiser and the creation day never change. */
	if (strcmp(jstr(old, "status"), jstr(raw, "status")) != 0 &&
	    (rc = day_move(jint(old, "organizer_id"), jstr(old, "day"),
	    event_slot(jstr(old, "status")), -1)) == DB_OK)
		rc = day_move(jint(old, "organizer_id"), jstr(old, "day"),
		    event_slot(jstr(raw, "status")), 1);
out:
	json_decref(old);
	json_decref(raw);
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

/* Brings a participation's mirror in line with its raw row. */
static enum db_status
sync_participation(int64_t id, int64_t event_id)
{
	json_t		*old = NULL, *raw = NULL;
	enum db_status	 rc, ro, rr;

	if ((rc = sync_event(event_id)) != DB_OK)
		return rc;
	ro = db_query_one(&stmts[STMT_PART_MIRROR], P(DB_INT(id)), &old);
	rr = db_query_one(&stmts[STMT_PART_RAW], P(DB_INT(id)), &raw);
	if ((rc = read_error(ro, rr)) != DB_OK)
		goto out;
	if (ro == DB_OK && rr == DB_OK &&
	    strcmp(jstr(old, "status"), jstr(raw, "status")) == 0 &&
	    strcmp(jstr(old, "day"), jstr(raw, "day")) == 0)
		goto out;	/* counted as it is */
	if (ro == DB_OK && ((rc = day_move(jint(old, "organizer_id"),
	    jstr(old, "day"), part_slot(jstr(old, "status")), -1)) != DB_OK ||
	    (rc = event_count(jint(old, "event_id"), part_slot(jstr(old,
	    "status")), -1)) != DB_OK))
		goto out;
	if (rr == DB_NOTFOUND) {
		rc = db_exec(&stmts[STMT_PART_DELETE], P(DB_INT(id)), NULL, NULL);
		goto out;
	}
	/* A payload naming another event: the row's own event counts it. */
	if (jint(raw, "event_id") != event_id &&
	    (rc = sync_event(jint(raw, "event_id"))) != DB_OK)
		goto out;
	if ((rc = day_move(jint(raw, "organizer_id"), jstr(raw, "day"),
	    part_slot(jstr(raw, "status")), 1)) != DB_OK ||
	    (rc = event_count(jint(raw, "event_id"), part_slot(jstr(raw,
	    "status")), 1)) != DB_OK)
		goto out;
	rc = db_exec(&stmts[STMT_PART_UPSERT], P(DB_INT(id), DB_INT(jint(raw,
	    "event_id")), DB_INT(jint(raw, "organizer_id")), DB_TEXT(jstr(raw,
	    "status")), DB_TEXT(jstr(raw, "day"))), NULL, NULL);
out:
	json_decref(old);
	json_decref(raw);
	return rc;
}

/* Brings a reaction's mirror in line with its raw row. */
static enum db_status
sync_reaction(int64_t event_id, int64_t user_id)
{
	json_t		*old = NULL, *raw = NULL;
	enum db_status	 rc, ro, rr;

	if ((rc = sync_event(event_id)) != DB_OK)
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
	if (ro == DB_OK && ((rc = day_move(jint(old, "organizer_id"),
	    jstr(old, "day"), S_REACTIONS, -1)) != DB_OK ||
	    (rc = event_count(event_id, S_REACTIONS, -1)) != DB_OK))
		goto out;
	if (rr == DB_NOTFOUND) {
		rc = db_exec(&stmts[STMT_REACTION_DELETE], P(DB_INT(event_id),
		    DB_INT(user_id)), NULL, NULL);
		goto out;
	}
	if ((rc = day_move(jint(raw, "organizer_id"), jstr(raw, "day"),
	    S_REACTIONS, 1)) != DB_OK ||
	    (rc = event_count(event_id, S_REACTIONS, 1)) != DB_OK)
		goto out;
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
sync_sponsor(int64_t event_id, int64_t company_id)
{
	json_t		*raw = NULL;
	enum db_status	 rc;

	if ((rc = sync_event(event_id)) != DB_OK)
		return rc;
	rc = db_query_one(&stmts[STMT_SPONSOR_RAW], P(DB_INT(event_id),
	    DB_INT(company_id)), &raw);
	if (rc == DB_NOTFOUND)
		rc = db_exec(&stmts[STMT_SPONSOR_DELETE], P(DB_INT(event_id),
		    DB_INT(company_id)), NULL, NULL);
	else if (rc == DB_OK)
		rc = db_exec(&stmts[STMT_SPONSOR_UPSERT], P(DB_INT(event_id),
		    DB_INT(company_id), DB_INT(jint(raw, "organizer_id")),
		    DB_TEXT(jstr(raw, "status"))), NULL, NULL);
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

static enum db_status
failed(enum db_status rc, const char *what, char *err, size_t errlen)
{
	if (rc != DB_OK)
		snprintf(err, errlen, "rollups: %s: %s", what, db_status_str(rc));
	return rc;
}

static enum db_status
on_event(int64_t outbox_id, json_t *payload, char *err, size_t errlen)
{
	int64_t	 id;

	(void)outbox_id;
	if ((id = payload_id(payload, "event_id", err, errlen)) == 0)
		return DB_ERROR;
	return failed(sync_event(id), "event", err, errlen);
}

static enum db_status
on_participation(int64_t outbox_id, json_t *payload, char *err,
    size_t errlen)
{
	int64_t	 id, ev;

	(void)outbox_id;
	if ((id = payload_id(payload, "participation_id", err, errlen)) == 0 ||
	    (ev = payload_id(payload, "event_id", err, errlen)) == 0)
		return DB_ERROR;
	return failed(sync_participation(id, ev), "participation", err,
	    errlen);
}

static enum db_status
on_reaction(int64_t outbox_id, json_t *payload, char *err, size_t errlen)
{
	int64_t	 ev, user;

	(void)outbox_id;
	if ((ev = payload_id(payload, "event_id", err, errlen)) == 0 ||
	    (user = payload_id(payload, "user_id", err, errlen)) == 0)
		return DB_ERROR;
	return failed(sync_reaction(ev, user), "reaction", err, errlen);
}

static enum db_status
on_sponsor(int64_t outbox_id, json_t *payload, char *err, size_t errlen)
{
	int64_t	 ev, company;

	(void)outbox_id;
	if ((ev = payload_id(payload, "event_id", err, errlen)) == 0 ||
	    (company = payload_id(payload, "company_id", err, errlen)) == 0)
		return DB_ERROR;
	return failed(sync_sponsor(ev, company), "sponsor", err, errlen);
}

const struct consumer rollup_consumers[] = {
	{ "rollups.event.created", "event.created", on_event },
	{ "rollups.event.updated", "event.updated", on_event },
	{ "rollups.event.published", "event.published", on_event },
	{ "rollups.event.finished", "event.finished", on_event },
	{ "rollups.event.cancelled", "event.cancelled", on_event },
	{ "rollups.event.deleted", "event.deleted", on_event },
	{ "rollups.participation.created", "participation.created",
	    on_participation },
	{ "rollups.participation.approved", "participation.approved",
	    on_participation },
	{ "rollups.participation.rejected", "participation.rejected",
	    on_participation },
	{ "rollups.participation.cancelled", "participation.cancelled",
	    on_participation },
	{ "rollups.participation.promoted", "participation.promoted",
	    on_participation },
	{ "rollups.reaction.added", "reaction.added", on_reaction },
	{ "rollups.reaction.removed", "reaction.removed", on_reaction },
	{ "rollups.sponsor.requested", "sponsor.requested", on_sponsor },
	{ "rollups.sponsor.invited", "sponsor.invited", on_sponsor },
	{ "rollups.sponsor.accepted", "sponsor.accepted", on_sponsor },
	{ "rollups.sponsor.declined", "sponsor.declined", on_sponsor },
	{ NULL, NULL, NULL },
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
