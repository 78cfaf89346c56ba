/*
 * participations: enrolling in events, the organiser's decisions and the
 * waiting list.  Owns participations; moves the counters approved_count,
 * pending_count and waitlist_count of events (the rest of that row is the
 * events program's) in the same transaction as the rows they count.
 *
 *   POST /participations                 enrol {event_id}; the seed's
 *                                        POST /api/participaciones/inscribir
 *   GET  /participations/new/{event_id}  the page that asks to confirm
 *   GET  /participations[?mine=1]        my participations ("Mis inscripciones")
 *   GET  /participations?event_id=       the organiser's list, by state
 *   GET  /participations/{id}            one: the participant or the organiser
 *   POST /participations/{id}/cancel     the participant withdraws
 *   POST /participations/{id}/approve    the organiser decides
 *   POST /participations/{id}/reject
 *   POST /participations/bulk            many decisions, all or none
 *
 * States: pending -> approved | rejected; pending, approved or waitlisted
 * -> cancelled; cancelled -> a new enrolment reuses the row.  A rejection
 * is the organiser's answer and stands: enrolling again is 409, or the
 * person could undo it (and, were approval later switched off, be let in).
 *
 * Capacity is never read and then written: one conditional UPDATE of the
 * event row takes a place ("approved_count < capacity"); when it changes
 * no row the event is full and the enrolment joins the waiting list.
 * Events that need approval count the enrolment as pending and take the
 * place when the organiser approves; approving with no place left answers
 * 409 and the enrolment stays pending, so the organiser can still reject
 * it or approve it once a place frees.  A place freed by a cancellation
 * goes, in the same transaction, to the first in line: the earliest to
 * join the waiting list (updated_at, then id).  Rows are reused, so the
 * lowest id alone would put a returning person ahead of those waiting.
 *
 * Lock order: every transaction here locks the event row first (by that
 * UPDATE or by SELECT ... FOR UPDATE) and only then participation rows,
 * so enrolments in one event queue on the row instead of deadlocking.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "log.h"
#include "participation.h"
#include "req.h"
#include "resp.h"
#include "tz.h"

#define PAGE_SIZE	50
#define BULK_MAX	200	/* ids in one bulk decision */

enum pa_field {
	PA_EVENT_ID, PA_EVENTO_ID, PA_STATUS, PA_MINE, PA_PAGE, PA_ACTION,
	PA_IDS, PA_NEXT, PA__MAX
};

static const char *const states[] = {
	"pending", "approved", "waitlisted", "rejected", "cancelled", NULL
};
static const char *const actions[] = { "approve", "reject", NULL };

static const struct field fields[PA__MAX] = {
	{ "event_id", valid_id, 0, 0, NULL },		/* PA_EVENT_ID */
	{ "evento_id", valid_id, 0, 0, NULL },		/* PA_EVENTO_ID */
	{ "status", valid_enum, 0, 0, states },		/* PA_STATUS */
	{ "mine", valid_bool, 0, 0, NULL },		/* PA_MINE */
	{ "page", valid_int, 1, 100000, NULL },		/* PA_PAGE */
	{ "action", valid_enum, 0, 0, actions },	/* PA_ACTION */
	{ "ids", valid_id, 0, 0, NULL },		/* PA_IDS */
	{ "next", valid_line, 0, 500, NULL },		/* PA_NEXT */
};

enum pa_stmt {
	STMT_EVENT_GET,
	STMT_EVENT_OWNED,
	STMT_EVENT_LOCK,
	STMT_TAKE_PLACE,
	STMT_JOIN_WAITLIST,
	STMT_JOIN_PENDING,
	STMT_APPROVE_PENDING,
	STMT_LEAVE_APPROVED,
	STMT_LEAVE_PENDING,
	STMT_LEAVE_WAITLIST,
	STMT_PART_INSERT,
	STMT_PART_OF_USER,
	STMT_PART_OF_USER_LOCK,
	STMT_PART_REUSE,
	STMT_PART_GET,
	STMT_PART_LOCK,
	STMT_PART_SET,
	STMT_SHOW,
	STMT_LIST_EVENT,
	STMT_COUNTS,
	STMT_LIST_MINE,
	STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_EVENT_GET */
	{ "SELECT id, organizer_id, title, status, starts_at, ends_at, "
	  "starts_at > UTC_TIMESTAMP() AS upcoming, requires_approval, "
	  "capacity, approved_count, pending_count, waitlist_count, "
	  "(SELECT timezone FROM cities WHERE id = city_id) AS timezone "
	  "FROM events WHERE id = ?", NULL, 0 },
	/* STMT_EVENT_OWNED: the organiser's, or any for an admin */
	{ "SELECT id, organizer_id, title, status, starts_at, ends_at, "
	  "requires_approval, capacity, approved_count, pending_count, "
	  "waitlist_count, (SELECT timezone FROM cities WHERE id = city_id) "
	  "AS timezone FROM events WHERE id = ? AND (organizer_id = ? OR "
	  "? = 1)", NULL, 0 },
	/* STMT_EVENT_LOCK: taken before any participation row */
	{ "SELECT id, status, starts_at > UTC_TIMESTAMP() AS upcoming "
	  "FROM events WHERE id = ? FOR UPDATE", NULL, 0 },
	/* STMT_TAKE_PLACE: the capacity rule, decided by the row itself */
	{ "UPDATE events SET approved_count = approved_count + 1 WHERE id = ? "
	  "AND status = 'published' AND (capacity = 0 OR "
	  "approved_count < capacity)", NULL, 0 },
	/* STMT_JOIN_WAITLIST */
	{ "UPDATE events SET waitlist_count = waitlist_count + 1 WHERE id = ? "
	  "AND status = 'published'", NULL, 0 },
	/* STMT_JOIN_PENDING */
	{ "UPDATE events SET pending_count = pending_count + 1 WHERE id = ? "
	  "AND status = 'published'", NULL, 0 },
	/* STMT_APPROVE_PENDING: a pending enrolment takes a place */
	{ "UPDATE events SET approved_count = approved_count + 1, "
	  "pending_count = pending_count - 1 WHERE id = ? AND "
	  "status = 'published' AND (capacity = 0 OR "
	  "approved_count < capacity)", NULL, 0 },
	/* STMT_LEAVE_APPROVED: counters are unsigned, so a count that had
	 * drifted to 0 fails loudly instead of wrapping */
	{ "UPDATE events SET approved_count = approved_count - 1 WHERE id = ?",
	  NULL, 0 },
	/* STMT_LEAVE_PENDING */
	{ "UPDATE events SET pending_count = pending_count - 1 WHERE id = ?",
	  NULL, 0 },
	/* STMT_LEAVE_WAITLIST */
	{ "UPDATE events SET waitlist_count = waitlist_count - 1 WHERE id = ?",
	  NULL, 0 },
	/* STMT_PART_INSERT */
	{ "INSERT INTO participations (event_id, user_id, status) "
	  "VALUES (?, ?, ?)", NULL, 0 },
	/* STMT_PART_OF_USER */
	{ "SELECT id, status FROM participations WHERE event_id = ? AND "
	  "user_id = ?", NULL, 0 },
	/* STMT_PART_OF_USER_LOCK */
	{ "SELECT id, status FROM participations WHERE event_id = ? AND "
	  "user_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_PART_REUSE: a cancelled row enrols again */
	{ "UPDATE participations SET status = ?, decided_by = NULL "
	  "WHERE id = ? AND status = 'cancelled'", NULL, 0 },
	/* STMT_PART_GET: who may touch it, before any lock */
	{ "SELECT p.id, p.event_id, p.user_id, e.organizer_id "
	  "FROM participations p JOIN events e ON e.id = p.event_id "
	  "WHERE p.id = ?", NULL, 0 },
	/* STMT_PART_LOCK */
	{ "SELECT p.id, p.user_id, p.status, e.organizer_id, e.title "
	  "FROM participations p JOIN events e ON e.id = p.event_id "
	  "WHERE p.id = ? AND p.event_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_PART_SET */
	{ "UPDATE participations SET status = ?, decided_by = ? WHERE id = ?",
	  NULL, 0 },
	/* STMT_SHOW: the participant, the organiser or an admin */
	{ "SELECT p.id, p.event_id, p.user_id, p.status, p.created_at, "
	  "p.updated_at, u.name AS user_name, u.email AS user_email, "
	  "e.title AS event_title, e.starts_at AS event_starts_at, "
	  "e.status AS event_status, e.organizer_id, "
	  "e.starts_at > UTC_TIMESTAMP() AS upcoming, c.timezone AS "
	  "event_timezone FROM participations p JOIN events e ON e.id = "
	  "p.event_id JOIN cities c ON c.id = e.city_id "
	  "JOIN users u ON u.id = p.user_id "
	  "WHERE p.id = ? AND (p.user_id = ? OR e.organizer_id = ? OR ? = 1)",
	  NULL, 0 },
	/* STMT_LIST_EVENT: by state, the waiting list in its order */
	{ "SELECT p.id, p.user_id, u.name, u.email, p.status, p.created_at, "
	  "p.updated_at FROM participations p JOIN users u ON u.id = p.user_id "
	  "WHERE p.event_id = ? AND (? IS NULL OR p.status = ?) "
	  "ORDER BY FIELD(p.status, 'pending', 'approved', 'waitlisted', "
	  "'rejected', 'cancelled'), CASE WHEN p.status = 'waitlisted' THEN "
	  "p.updated_at END, p.id LIMIT ? OFFSET ?", NULL, 0 },
	/* STMT_COUNTS */
	{ "SELECT status, COUNT(*) AS n FROM participations WHERE event_id = ? "
	  "GROUP BY status", NULL, 0 },
	/* STMT_LIST_MINE */
	{ "SELECT p.id, p.event_id, p.user_id, p.status, p.created_at, "
	  "p.updated_at, e.title AS event_title, e.starts_at AS event_starts_at, "
	  "e.status AS event_status, e.starts_at > UTC_TIMESTAMP() AS upcoming, "
	  "c.timezone AS event_timezone FROM participations p JOIN events e ON "
	  "e.id = p.event_id JOIN cities c ON c.id = e.city_id "
	  "WHERE p.user_id = ? AND (? IS NULL OR p.status = ?) AND "
	  "(? IS NULL OR p.event_id = ?) "
	  "ORDER BY e.starts_at DESC, p.id DESC LIMIT ? OFFSET ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* --- helpers ------------------------------------------------------------ */

static int64_t
jint(const json_t *o, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(o, key));
}

static const char *
jstr(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL ? s : "";
}

/* A 0/1 column (a comparison) as a JSON boolean; returns it. */
static bool
to_bool(json_t *o, const char *key)
{
	bool	 b = jint(o, key) != 0;

	json_object_set_new(o, key, json_boolean(b));
	return b;
}

static bool
is_admin(const struct req *r)
{
	return (r->user.role & ROLE_ADMIN) != 0;
}

/* The states that hold a place, a request or a turn. */
static bool
is_active(const char *status)
{
	return strcmp(status, "pending") == 0 ||
	    strcmp(status, "approved") == 0 ||
	    strcmp(status, "waitlisted") == 0;
}

/* Where a page goes after a change: a local path given as "next", or def. */
static const char *
next_path(struct req *r, const char *def)
{
	const char	*n = req_value(r, PA_NEXT);

	return resp_local_path(n) ? n : def;
}

/* Pages cannot compare strings: a name for people (the catalog's) and
 * one boolean per state ("is_pending"), for the participation's "status";
 * names from participation_state_names(), or NULL to read them here. */
static void
status_words(struct req *r, const json_t *names, json_t *o)
{
	const char	*st = jstr(o, "status");
	json_t		*own = NULL;
	size_t		 i;

	if (r->api || *st == '\0')
		return;
	if (names == NULL)
		names = own = participation_state_names();
	json_object_set_new(o, "status_name", json_string(
	    participation_state_word(r, names, "participations.state", st)));
	json_decref(own);
	for (i = 0; states[i] != NULL; i++)
		json_object_set_new(o, arena_printf(r->arena, "is_%s", states[i]),
		    json_boolean(strcmp(st, states[i]) == 0));
}

/* The same for an event's status ("event_status"). */
static void
event_status_words(struct req *r, json_t *o, const char *key)
{
	const char	*st = jstr(o, key);

	if (r->api || *st == '\0')
		return;
	json_object_set_new(o, "event_status_name", json_string(i18n_get(
	    r->lang, arena_printf(r->arena, "participations.event_state.%s",
	    st))));
	json_object_set_new(o, "event_is_published",
	    json_boolean(strcmp(st, "published") == 0));
}

/* An event's start as people read it where it happens (pages), from
 * <prefix>starts_at and <prefix>timezone into <prefix>starts_text; the
 * API keeps the UTC time alone. */
static void
event_time_words(struct req *r, json_t *o, const char *prefix)
{
	const char	*zone = arena_printf(r->arena, "%stimezone", prefix);
	char		 label[TZ_LABEL_LEN];

	if (!r->api) {
		tz_label(jstr(o, zone), jstr(o, arena_printf(r->arena,
		    "%sstarts_at", prefix)), label);
		json_object_set_new(o, arena_printf(r->arena, "%sstarts_text",
		    prefix), json_string(label));
	}
	json_object_del(o, zone);
}

/* When a participation was made and last changed, as people read times
 * where the event happens (pages: created_text, updated_text). */
static void
stamp_words(struct req *r, json_t *o, const char *zone)
{
	static const char *const keys[] = { "created", "updated" };
	char		 label[TZ_LABEL_LEN];
	const char	*at;
	size_t		 i;

	if (r->api)
		return;
	for (i = 0; i < 2; i++) {
		at = jstr(o, arena_printf(r->arena, "%s_at", keys[i]));
		if (*at == '\0')
			continue;
		tz_label(zone, at, label);
		json_object_set_new(o, arena_printf(r->arena, "%s_text",
		    keys[i]), json_string(label));
	}
}

/* The status a list is filtered by, or NULL for all; the model keeps it
 * for the filter form: its options in "state_list", the chosen one
 * ticked, named from names. */
static const char *
status_filter(struct req *r, json_t *m, const json_t *names)
{
	const char	*s = req_value(r, PA_STATUS);
	json_t		*list;
	size_t		 i;

	if (s != NULL && *s == '\0')
		s = NULL;
	json_object_set_new(m, "filter", json_pack("{s:s}", "status",
	    s != NULL ? s : ""));
	if (r->api)
		return s;
	list = json_array();
	for (i = 0; states[i] != NULL; i++)
		json_array_append_new(list, json_pack("{s:s, s:s, s:b}", "code",
		    states[i], "name", participation_state_word(r, names,
		    "participations.state", states[i]), "chosen",
		    s != NULL && strcmp(s, states[i]) == 0));
	json_object_set_new(m, "state_list", list);
	return s;
}

/* {items, next, page}: next is the following page number or null. */
static void
page_model(json_t *m, json_t *rows, long long page)
{
	if (json_array_size(rows) > PAGE_SIZE) {
		json_array_remove(rows, PAGE_SIZE);
		json_object_set_new(m, "next", json_integer(page + 1));
	} else
		json_object_set_new(m, "next", json_null());
	json_object_set_new(m, "items", rows);
	json_object_set_new(m, "page", json_integer(page));
	if (page > 1)
		json_object_set_new(m, "prev", json_integer(page - 1));
}

/* --- one change, in a transaction ---------------------------------------- */

/*
 * What a transaction works on and, when it refuses, why: the refusal is
 * returned as a status for the person (404, 403, 409, 422) rather than a
 * database error.  The fields are reset at every attempt, since db_tx()
 * runs a deadlocked transaction again.
 */
struct change {
	struct req	*r;
	int64_t		 id;		/* participation */
	int64_t		 event_id;
	int64_t		 user_id;	/* the participant */
	int64_t		 organizer_id;
	const char	*title;		/* the event's, arena-owned */
	const char	*status;	/* the state it reached */
	bool		 approve;	/* approve or reject */
	bool		 refused;
	enum http_status st;		/* when refused */
	const char	*detail;	/* when refused: a catalog key */
	int64_t		 promoted_id;	/* a cancellation's first in line */
	int64_t		 promoted_user;
	const int64_t	*ids;		/* bulk */
	size_t		 nids;
};

static enum db_status
refuse(struct change *c, enum http_status st, const char *detail)
{
	c->refused = true;
	c->st = st;
	c->detail = detail;
	return DB_CONFLICT;	/* anything but DB_OK rolls back */
}

static void
change_reset(struct change *c)
{
	c->refused = false;
	c->st = HTTP_OK;
	c->detail = NULL;
	c->promoted_id = c->promoted_user = 0;
}

/* Appends the outbox row for a participation that reached status. */
static enum db_status
announce(const char *topic, const struct change *c, int64_t id,
    int64_t user_id, const char *status)
{
	const struct part_change pc = { id, c->event_id, user_id,
			    c->organizer_id, c->title };

	return participation_announce(topic, &pc, status);
}

/* The counter an active state holds. */
static struct db_stmt *
leave_stmt(const char *status)
{
	if (strcmp(status, "approved") == 0)
		return &stmts[STMT_LEAVE_APPROVED];
	if (strcmp(status, "pending") == 0)
		return &stmts[STMT_LEAVE_PENDING];
	return &stmts[STMT_LEAVE_WAITLIST];
}

static enum db_status
enrol_tx(void *arg)
{
	struct change	*c = arg;
	struct req	*r = c->r;
	json_t		*ev = NULL, *row = NULL;
	uint64_t	 n = 0, id = 0;
	enum db_status	 rc;

	change_reset(c);
	rc = db_query_one(&stmts[STMT_EVENT_GET], P(DB_INT(c->event_id)), &ev);
	if (rc == DB_NOTFOUND || (rc == DB_OK &&
	    strcmp(jstr(ev, "status"), "draft") == 0)) {
		rc = refuse(c, HTTP_NOT_FOUND, NULL);
		goto out;
	}
	if (rc != DB_OK)
		goto out;
	c->organizer_id = jint(ev, "organizer_id");
	c->title = arena_strdup(r->arena, jstr(ev, "title"));
	if (strcmp(jstr(ev, "status"), "published") != 0 ||
	    jint(ev, "upcoming") == 0) {
		rc = refuse(c, HTTP_CONFLICT,
		    "error_detail.participation_closed");
		goto out;
	}
	/* The first write locks the event row: enrolments queue here. */
	if (json_is_true(json_object_get(ev, "requires_approval"))) {
		c->status = "pending";
		rc = db_exec(&stmts[STMT_JOIN_PENDING], P(DB_INT(c->event_id)),
		    &n, NULL);
	} else {
		c->status = "approved";
		rc = db_exec(&stmts[STMT_TAKE_PLACE], P(DB_INT(c->event_id)),
		    &n, NULL);
		if (rc == DB_OK && n == 0) {
			c->status = "waitlisted";
			rc = db_exec(&stmts[STMT_JOIN_WAITLIST],
			    P(DB_INT(c->event_id)), &n, NULL);
		}
	}
	if (rc != DB_OK)
		goto out;
	if (n == 0) {	/* unpublished in the meantime */
		rc = refuse(c, HTTP_CONFLICT,
		    "error_detail.participation_closed");
		goto out;
	}
	rc = db_exec(&stmts[STMT_PART_INSERT], P(DB_INT(c->event_id),
	    DB_INT(c->user_id), DB_TEXT(c->status)), NULL, &id);
	if (rc == DB_CONFLICT) {
		/* Enrolled before: once at a time, again after leaving. */
		rc = db_query_one(&stmts[STMT_PART_OF_USER_LOCK],
		    P(DB_INT(c->event_id), DB_INT(c->user_id)), &row);
		if (rc == DB_NOTFOUND)
			rc = DB_ERROR;	/* the account is gone */
		if (rc != DB_OK)
			goto out;
		if (strcmp(jstr(row, "status"), "rejected") == 0) {
			rc = refuse(c, HTTP_CONFLICT,
			    "error_detail.participation_declined");
			goto out;
		}
		if (is_active(jstr(row, "status"))) {
			rc = refuse(c, HTTP_CONFLICT,
			    "error_detail.participation_duplicate");
			goto out;
		}
		id = (uint64_t)jint(row, "id");
		rc = db_exec(&stmts[STMT_PART_REUSE], P(DB_TEXT(c->status),
		    DB_INT((long long)id)), &n, NULL);
		if (rc == DB_OK && n == 0)
			rc = refuse(c, HTTP_CONFLICT,
			    "error_detail.participation_duplicate");
	}
	if (rc != DB_OK)
		goto out;
	c->id = (int64_t)id;
	rc = announce("participation.created", c, c->id, c->user_id, c->status);
out:
	json_decref(ev);
	json_decref(row);
	return rc;
}

/* The place a cancellation freed goes to the first in line, when the
 * event still takes people. */
static enum db_status
promote(struct change *c)
{
	struct part_change first;
	enum db_status	 rc;
	int		 n;

	rc = participation_promote(c->event_id, c->organizer_id, c->title,
	    &first, &n);
	c->promoted_id = first.id;
	c->promoted_user = first.user_id;
	return rc;
}

/* Locks the event row, then the participation's, and reads its state
 * into *row.  The event row goes first (see the top of this file). */
static enum db_status
lock_pair(struct change *c, json_t **ev, json_t **row)
{
	enum db_status	 rc;

	*ev = *row = NULL;
	if ((rc = db_query_one(&stmts[STMT_EVENT_LOCK], P(DB_INT(c->event_id)),
	    ev)) != DB_OK)
		return rc;
	return db_query_one(&stmts[STMT_PART_LOCK], P(DB_INT(c->id),
	    DB_INT(c->event_id)), row);
}

/*
 * Who may act on participation c->id, read before any lock (event and
 * owner never change).  The participant acts on their own; the organiser
 * and admins see it, so anything else they try is 403; everybody else
 * learns nothing (404).  own is true for the participant.
 */
static enum db_status
check_access(struct change *c, bool want_own)
{
	struct req	*r = c->r;
	json_t		*row = NULL;
	enum db_status	 rc;
	bool		 mine, organiser;

	rc = db_query_one(&stmts[STMT_PART_GET], P(DB_INT(c->id)), &row);
	if (rc == DB_NOTFOUND)
		return refuse(c, HTTP_NOT_FOUND, NULL);
	if (rc != DB_OK)
		return rc;
	c->event_id = jint(row, "event_id");
	c->user_id = jint(row, "user_id");
	c->organizer_id = jint(row, "organizer_id");
	json_decref(row);
	mine = c->user_id == r->user.id;
	organiser = c->organizer_id == r->user.id || is_admin(r);
	if (want_own) {
		if (mine)
			return DB_OK;
		return organiser ? refuse(c, HTTP_FORBIDDEN,
		    "error_detail.participation_not_yours") :
		    refuse(c, HTTP_NOT_FOUND, NULL);
	}
	if (mine)	/* never one's own decision, organiser or not */
		return refuse(c, HTTP_FORBIDDEN,
		    "error_detail.participation_self");
	return organiser ? DB_OK : refuse(c, HTTP_NOT_FOUND, NULL);
}

static enum db_status
cancel_tx(void *arg)
{
	struct change	*c = arg;
	json_t		*ev = NULL, *row = NULL;
	const char	*old;
	enum db_status	 rc;

	change_reset(c);
	if ((rc = check_access(c, true)) != DB_OK)
		return rc;
	if ((rc = lock_pair(c, &ev, &row)) != DB_OK)
		goto out;
	c->title = arena_strdup(c->r->arena, jstr(row, "title"));
	old = jstr(row, "status");
	if (!is_active(old)) {
		rc = refuse(c, HTTP_CONFLICT, "error_detail.participation_state");
		goto out;
	}
	/* Attendance is history once the event has begun. */
	if (jint(ev, "upcoming") == 0) {
		rc = refuse(c, HTTP_CONFLICT, "error_detail.participation_started");
		goto out;
	}
	c->status = "cancelled";
	if ((rc = db_exec(leave_stmt(old), P(DB_INT(c->event_id)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_PART_SET], P(DB_TEXT(c->status),
	    DB_INT(c->r->user.id), DB_INT(c->id)), NULL, NULL)) != DB_OK ||
	    (rc = announce("participation.cancelled", c, c->id, c->user_id,
	    c->status)) != DB_OK)
		goto out;
	if (strcmp(old, "approved") == 0)
		rc = promote(c);
out:
	json_decref(ev);
	json_decref(row);
	return rc;
}

/*
 * Approves or rejects one locked pending participation (row) of c's
 * event.  Approval takes a place with the conditional UPDATE; none left
 * refuses the whole transaction.
 */
static enum db_status
decide_one(struct change *c, const json_t *row)
{
	int64_t		 id = jint(row, "id");
	uint64_t	 n = 0;
	enum db_status	 rc;

	if (jint(row, "user_id") == c->r->user.id)
		return refuse(c, HTTP_FORBIDDEN,
		    "error_detail.participation_self");
	if (strcmp(jstr(row, "status"), "pending") != 0)
		return refuse(c, HTTP_CONFLICT,
		    "error_detail.participation_state");
	if (c->approve) {
		if ((rc = db_exec(&stmts[STMT_APPROVE_PENDING],
		    P(DB_INT(c->event_id)), &n, NULL)) != DB_OK)
			return rc;
		if (n == 0)
			return refuse(c, HTTP_CONFLICT,
			    "error_detail.participation_full");
	} else if ((rc = db_exec(&stmts[STMT_LEAVE_PENDING],
	    P(DB_INT(c->event_id)), NULL, NULL)) != DB_OK)
		return rc;
	c->status = c->approve ? "approved" : "rejected";
	if ((rc = db_exec(&stmts[STMT_PART_SET], P(DB_TEXT(c->status),
	    DB_INT(c->r->user.id), DB_INT(id)), NULL, NULL)) != DB_OK)
		return rc;
	return announce(c->approve ? "participation.approved" :
	    "participation.rejected", c, id, jint(row, "user_id"), c->status);
}

static enum db_status
decide_tx(void *arg)
{
	struct change	*c = arg;
	json_t		*ev = NULL, *row = NULL;
	enum db_status	 rc;

	change_reset(c);
	if ((rc = check_access(c, false)) != DB_OK)
		return rc;
	if ((rc = lock_pair(c, &ev, &row)) == DB_OK) {
		c->title = arena_strdup(c->r->arena, jstr(row, "title"));
		/* Once cancelled or finished, the event's own notice is the
		 * answer: a rejection would arrive instead of it. */
		if (strcmp(jstr(ev, "status"), "published") != 0)
			rc = refuse(c, HTTP_CONFLICT,
			    "error_detail.participation_closed");
		else
			rc = decide_one(c, row);
	}
	json_decref(ev);
	json_decref(row);
	return rc;
}

static enum db_status
bulk_tx(void *arg)
{
	struct change	*c = arg;
	struct req	*r = c->r;
	json_t		*ev = NULL, *row = NULL;
	enum db_status	 rc;
	size_t		 i;

	change_reset(c);
	rc = db_query_one(&stmts[STMT_EVENT_OWNED], P(DB_INT(c->event_id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), &ev);
	if (rc == DB_NOTFOUND)
		return refuse(c, HTTP_NOT_FOUND, NULL);
	if (rc != DB_OK)
		return rc;
	c->organizer_id = jint(ev, "organizer_id");
	c->title = arena_strdup(r->arena, jstr(ev, "title"));
	json_decref(ev);
	ev = NULL;
	if ((rc = db_query_one(&stmts[STMT_EVENT_LOCK], P(DB_INT(c->event_id)),
	    &ev)) != DB_OK)
		goto out;
	if (strcmp(jstr(ev, "status"), "published") != 0) {	/* as decide_tx */
		rc = refuse(c, HTTP_CONFLICT, "error_detail.participation_closed");
		goto out;
	}
	for (i = 0; i < c->nids; i++) {
		rc = db_query_one(&stmts[STMT_PART_LOCK], P(DB_INT(c->ids[i]),
		    DB_INT(c->event_id)), &row);
		if (rc == DB_NOTFOUND) {
			req_set_invalid(r, PA_IDS, "valid.unknown_participation");
			rc = refuse(c, HTTP_UNPROCESSABLE, NULL);
		}
		if (rc == DB_OK)
			rc = decide_one(c, row);
		json_decref(row);
		row = NULL;
		if (rc != DB_OK)
			goto out;
	}
out:
	json_decref(ev);
	return rc;
}

/* Runs fn in a transaction and turns a refusal into its status. */
static enum http_status
run_change(struct change *c, db_tx_fn fn)
{
	enum db_status	 rc;

	rc = db_tx(fn, c);
	if (rc == DB_OK)
		return HTTP_OK;
	if (c->refused) {
		c->r->detail = c->detail;
		return c->st;
	}
	return app_db_status(rc);
}

/* The model every change answers with. */
static void
change_model(struct req *r, json_t *m, const struct change *c)
{
	json_object_set_new(m, "id", json_integer(c->id));
	json_object_set_new(m, "event_id", json_integer(c->event_id));
	json_object_set_new(m, "user_id", json_integer(c->user_id));
	json_object_set_new(m, "status", json_string(c->status));
	status_words(r, NULL, m);
}

/* --- handlers ------------------------------------------------------------ */

/*
 * POST /participations and /api/v1/participations {event_id} (the seed's
 * evento_id too): any signed-in user enrols in a published event that
 * has not begun.  201 {id, event_id, user_id, status}: approved when a
 * place was free, waitlisted when the event is full, pending when the
 * organiser approves.  404 for drafts and unknown events, 409 for events
 * that no longer take people and for an enrolment already standing.
 * A page goes on to "next" (a local path) or to "Mis inscripciones".
 */
static enum http_status
participations_enroll(struct req *r, json_t *m)
{
	struct change	 c;
	const char	*ev;
	enum http_status st;
	int64_t		 eid = 0;

	memset(&c, 0, sizeof(c));
	ev = req_value(r, PA_EVENT_ID) ? req_value(r, PA_EVENT_ID) :
	    req_value(r, PA_EVENTO_ID);
	req_focus(r, PA_EVENT_ID, PA_EVENTO_ID, -1);
	if (ev == NULL && !r->has_invalid)
		req_require(r, PA_EVENT_ID, -1);
	if (ev == NULL || !valid_parse_id(ev, &eid))
		return HTTP_UNPROCESSABLE;
	r->has_invalid = false;	/* one good name is enough */
	c.r = r;
	c.event_id = eid;
	c.user_id = r->user.id;
	if ((st = run_change(&c, enrol_tx)) != HTTP_OK)
		return st;
	change_model(r, m, &c);
	if (r->api)
		r->redirect = arena_printf(r->arena,
		    "/api/v1/participations/%lld", (long long)c.id);
	else
		r->redirect = next_path(r, "/participations");
	r->flash = strcmp(c.status, "approved") == 0 ?
	    "participation_enrolled" : strcmp(c.status, "pending") == 0 ?
	    "participation_pending" : "participation_waitlisted";
	return HTTP_CREATED;
}

/*
 * GET /participations/new/{event_id}: any signed-in user (a signed-out
 * browser signs in and comes back).  The event, whether it takes people,
 * places left and the caller's own standing enrolment, with the form that
 * posts to /participations.  404 for drafts and unknown events.
 */
static enum http_status
participations_new(struct req *r, json_t *m)
{
	json_t		*ev = NULL, *row = NULL;
	enum db_status	 rc;
	long long	 cap, taken;
	bool		 open;

	r->has_invalid = false;
	rc = db_query_one(&stmts[STMT_EVENT_GET], P(DB_INT(r->id)), &ev);
	if (rc == DB_OK && strcmp(jstr(ev, "status"), "draft") == 0)
		rc = DB_NOTFOUND;
	if (rc != DB_OK)
		goto out;
	rc = db_query_one(&stmts[STMT_PART_OF_USER], P(DB_INT(r->id),
	    DB_INT(r->user.id)), &row);
	if (rc != DB_OK && rc != DB_NOTFOUND)
		goto out;
	if (rc == DB_OK && (is_active(jstr(row, "status")) ||
	    strcmp(jstr(row, "status"), "rejected") == 0)) {
		status_words(r, NULL, row);
		json_object_set(m, "mine", row);
	}
	rc = DB_OK;
	open = to_bool(ev, "upcoming") &&
	    strcmp(jstr(ev, "status"), "published") == 0;
	cap = jint(ev, "capacity");
	taken = jint(ev, "approved_count");
	json_object_set_new(ev, "is_open", json_boolean(open));
	json_object_set_new(ev, "needs_approval",
	    json_boolean(json_is_true(json_object_get(ev, "requires_approval"))));
	json_object_set_new(ev, "places_left", cap == 0 ? json_null() :
	    json_integer(cap > taken ? cap - taken : 0));
	json_object_set_new(ev, "is_full", json_boolean(cap > 0 && taken >= cap));
	event_status_words(r, ev, "status");
	event_time_words(r, ev, "");
	json_object_set(m, "event", ev);
	json_object_set_new(m, "can_enroll", json_boolean(open &&
	    json_object_get(m, "mine") == NULL));
out:
	json_decref(ev);
	json_decref(row);
	return app_db_status(rc);
}

/* My participations, newest event first; ?status= and ?event_id= filter. */
static enum http_status
list_mine(struct req *r, json_t *m, long long page)
{
	json_t		*names = r->api ? NULL : participation_state_names();
	json_t		*rows = NULL, *it;
	const char	*st = status_filter(r, m, names);
	const char	*ev = req_value(r, PA_EVENT_ID);
	enum db_status	 rc;
	size_t		 i;

	rc = db_query(&stmts[STMT_LIST_MINE], P(DB_INT(r->user.id), DB_TEXT(st),
	    DB_TEXT(st), DB_TEXT(ev), DB_TEXT(ev), DB_INT(PAGE_SIZE + 1),
	    DB_INT((page - 1) * PAGE_SIZE)), &rows);
	if (rc != DB_OK) {
		json_decref(names);
		return app_db_status(rc);
	}
	json_array_foreach(rows, i, it) {
		status_words(r, names, it);
		event_status_words(r, it, "event_status");
		event_time_words(r, it, "event_");
		json_object_set_new(it, "can_cancel", json_boolean(
		    is_active(jstr(it, "status")) && to_bool(it, "upcoming")));
	}
	json_decref(names);
	page_model(m, rows, page);
	return HTTP_OK;
}

/* One event's participations for its organiser (or an admin), with the
 * count in each state; 404 for anybody else. */
static enum http_status
list_event(struct req *r, json_t *m, long long page)
{
	const char	*st;
	json_t		*ev = NULL, *rows = NULL, *counts = NULL, *names, *it, *c;
	json_t		*list;
	bool		 open;
	enum db_status	 rc;
	int64_t		 eid;
	size_t		 i;

	r->tpl = "participations/event";
	if (!valid_parse_id(req_value(r, PA_EVENT_ID), &eid))
		return HTTP_UNPROCESSABLE;
	rc = db_query_one(&stmts[STMT_EVENT_OWNED], P(DB_INT(eid),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), &ev);
	if (rc != DB_OK)
		return app_db_status(rc);
	names = r->api ? NULL : participation_state_names();
	st = status_filter(r, m, names);
	if ((rc = db_query(&stmts[STMT_COUNTS], P(DB_INT(eid)), &counts)) !=
	    DB_OK)
		goto out;
	if ((rc = db_query(&stmts[STMT_LIST_EVENT], P(DB_INT(eid), DB_TEXT(st),
	    DB_TEXT(st), DB_INT(PAGE_SIZE + 1), DB_INT((page - 1) * PAGE_SIZE)),
	    &rows)) != DB_OK)
		goto out;
	c = json_object();
	for (i = 0; states[i] != NULL; i++)
		json_object_set_new(c, states[i], json_integer(0));
	json_array_foreach(counts, i, it)
		json_object_set(c, jstr(it, "status"), json_object_get(it, "n"));
	json_object_set_new(m, "counts", c);
	if (!r->api) {
		list = json_array();
		for (i = 0; states[i] != NULL; i++)
			json_array_append_new(list, json_pack("{s:s, s:O}", "name",
			    participation_state_word(r, names,
			    "participations.state", states[i]), "n",
			    json_object_get(c, states[i])));
		json_object_set_new(m, "count_list", list);
	}
	/* Decisions are taken while the event is published (approving one
	 * of a cancelled or finished event would be refused). */
	open = strcmp(jstr(ev, "status"), "published") == 0;
	json_array_foreach(rows, i, it) {
		status_words(r, names, it);
		stamp_words(r, it, jstr(ev, "timezone"));
		json_object_set_new(it, "can_decide", json_boolean(open &&
		    strcmp(jstr(it, "status"), "pending") == 0 &&
		    jint(it, "user_id") != r->user.id));
	}
	event_status_words(r, ev, "status");
	event_time_words(r, ev, "");
	json_object_set_new(ev, "has_capacity", json_boolean(
	    jint(ev, "capacity") > 0));
	json_object_set(m, "event", ev);
	page_model(m, rows, page);
	rows = NULL;
	json_object_set_new(m, "any_pending", json_boolean(open &&
	    jint(c, "pending") > 0));
out:
	json_decref(ev);
	json_decref(rows);
	json_decref(counts);
	json_decref(names);
	return app_db_status(rc);
}

/*
 * GET /participations: any signed-in user.  Without event_id, or with
 * mine=1, "Mis inscripciones": the caller's participations with the
 * event's title, start and status.  With event_id, that event's
 * participants by state, with name and e-mail, for its organiser or an
 * admin (404 for anybody else).  ?status= filters, ?page= pages; the
 * answer is {items, next}.
 */
static enum http_status
participations_list(struct req *r, json_t *m)
{
	long long	 page = 1;

	req_focus(r, PA_STATUS, PA_PAGE, PA_EVENT_ID, PA_MINE, -1);
	if (r->has_invalid)
		return HTTP_UNPROCESSABLE;
	if (!req_int(r, PA_PAGE, &page))
		page = 1;
	if (req_value(r, PA_EVENT_ID) == NULL || req_bool(r, PA_MINE, false))
		return list_mine(r, m, page);
	return list_event(r, m, page);
}

/*
 * GET /participations/{id}: the participant, the event's organiser or an
 * admin; 404 for anybody else.  The participation with the event's title
 * and start and the person's name and e-mail.
 */
static enum http_status
participations_show(struct req *r, json_t *m)
{
	json_t		*row = NULL;
	enum db_status	 rc;
	bool		 mine, organiser, active;

	r->has_invalid = false;
	rc = db_query_one(&stmts[STMT_SHOW], P(DB_INT(r->id),
	    DB_INT(r->user.id), DB_INT(r->user.id), DB_INT(is_admin(r))), &row);
	if (rc != DB_OK)
		return app_db_status(rc);
	mine = jint(row, "user_id") == r->user.id;
	organiser = jint(row, "organizer_id") == r->user.id || is_admin(r);
	active = is_active(jstr(row, "status"));
	json_object_set_new(row, "can_cancel", json_boolean(to_bool(row,
	    "upcoming") && mine && active));
	json_object_set_new(row, "can_decide", json_boolean(organiser &&
	    !mine && strcmp(jstr(row, "status"), "pending") == 0 &&
	    strcmp(jstr(row, "event_status"), "published") == 0));
	json_object_set_new(row, "is_organizer", json_boolean(organiser));
	status_words(r, NULL, row);
	stamp_words(r, row, jstr(row, "event_timezone"));
	event_status_words(r, row, "event_status");
	event_time_words(r, row, "event_");
	json_object_update(m, row);
	json_decref(row);
	return HTTP_OK;
}

/*
 * POST /participations/{id}/cancel: the participant only (the organiser,
 * who sees it, gets 403; anybody else 404).  A pending, approved or
 * waitlisted enrolment becomes cancelled (409 from any other state or
 * once the event has begun); a freed place goes at once to the first in
 * line.  200 {id, event_id, user_id, status, promoted}, or a page on.
 */
static enum http_status
participations_cancel(struct req *r, json_t *m)
{
	struct change	 c;
	enum http_status st;

	r->has_invalid = false;
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.id = r->id;
	if ((st = run_change(&c, cancel_tx)) != HTTP_OK)
		return st;
	change_model(r, m, &c);
	json_object_set_new(m, "promoted", c.promoted_id == 0 ? json_null() :
	    json_pack("{s:I, s:I}", "id", (json_int_t)c.promoted_id, "user_id",
	    (json_int_t)c.promoted_user));
	r->redirect = next_path(r, "/participations");
	r->flash = "participation_cancelled";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/* Approve or reject one: the event's organiser or an admin. */
static enum http_status
decide(struct req *r, json_t *m, bool approve)
{
	struct change	 c;
	enum http_status st;

	r->has_invalid = false;
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.id = r->id;
	c.approve = approve;
	if ((st = run_change(&c, decide_tx)) != HTTP_OK)
		return st;
	change_model(r, m, &c);
	r->redirect = next_path(r, arena_printf(r->arena,
	    "/participations?event_id=%lld", (long long)c.event_id));
	r->flash = approve ? "participation_approved" : "participation_rejected";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/*
 * POST /participations/{id}/approve: the event's organiser or an admin.
 * A pending enrolment takes a place and becomes approved: 409 when none
 * is left (it stays pending) or it is not pending.  Nobody approves their
 * own (403); people who cannot see it get 404.  200 with the change.
 */
static enum http_status
participations_approve(struct req *r, json_t *m)
{
	return decide(r, m, true);
}

/*
 * POST /participations/{id}/reject: as approve, for pending -> rejected.
 */
static enum http_status
participations_reject(struct req *r, json_t *m)
{
	return decide(r, m, false);
}

/* Adds id to ids[*n] unless it is there already. */
static void
ids_add(int64_t *ids, size_t *n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (ids[i] == id)
			return;
	ids[(*n)++] = id;
}

/* The ids of a bulk decision: the JSON array, or every "ids" pair of a
 * form (checkboxes repeat the name; req_value() sees only the first).
 * The field is marked invalid when one is not an id, there are too many
 * or there are none. */
static void
bulk_ids(struct req *r, int64_t *ids, size_t *n)
{
	json_t		*arr, *v;
	const char	*s, *why;
	size_t		 i, seen = 0;
	int64_t		 id;

	*n = 0;
	r->invalid[PA_IDS] = NULL;	/* judged here, value by value */
	if (r->json != NULL) {
		arr = json_object_get(r->json, "ids");
		if (arr != NULL && !json_is_array(arr)) {
			req_set_invalid(r, PA_IDS, "valid.wrong_type");
			return;
		}
		json_array_foreach(arr, i, v) {
			if (++seen > BULK_MAX) {
				req_set_invalid(r, PA_IDS, "valid.too_many");
				return;
			}
			s = json_is_integer(v) ? arena_printf(r->arena, "%lld",
			    (long long)json_integer_value(v)) :
			    json_string_value(v);
			if (s == NULL || !valid_parse_id(s, &id)) {
				req_set_invalid(r, PA_IDS, "valid.not_integer");
				return;
			}
			ids_add(ids, n, id);
		}
	} else {
		for (i = 0; i < r->npairs; i++) {
			if (strcmp(r->pairs[i].key, "ids") != 0)
				continue;
			if (++seen > BULK_MAX) {
				req_set_invalid(r, PA_IDS, "valid.too_many");
				return;
			}
			why = NULL;
			if (!valid_id(&fields[PA_IDS], r->pairs[i].val,
			    r->pairs[i].vallen, &why) ||
			    !valid_parse_id(r->pairs[i].val, &id)) {
				req_set_invalid(r, PA_IDS, why != NULL ? why :
				    "valid.bad_value");
				return;
			}
			ids_add(ids, n, id);
		}
	}
	if (*n == 0)
		req_set_invalid(r, PA_IDS, "valid.required");
}

/*
 * POST /participations/bulk {event_id, action: approve|reject, ids: [..]}
 * (a page form: checkboxes named ids): the event's organiser or an admin
 * (404 for anybody else).  Every id must be a pending participation of
 * that event (422 otherwise) and not the caller's own (403); approving
 * more than the places left is 409.  All or nothing, in one transaction.
 * 200 {event_id, action, items: [{id, status}]}, or the list page again.
 */
static enum http_status
participations_bulk(struct req *r, json_t *m)
{
	struct change	 c;
	int64_t		 ids[BULK_MAX], eid = 0;
	size_t		 n = 0, i;
	enum http_status st;
	json_t		*items;

	memset(&c, 0, sizeof(c));
	bulk_ids(r, ids, &n);
	req_focus(r, PA_EVENT_ID, PA_ACTION, PA_IDS, -1);
	req_require(r, PA_EVENT_ID, PA_ACTION, -1);
	if (r->has_invalid ||
	    !valid_parse_id(req_value(r, PA_EVENT_ID), &eid))
		return HTTP_UNPROCESSABLE;
	c.r = r;
	c.event_id = eid;
	c.approve = strcmp(req_value(r, PA_ACTION), "approve") == 0;
	c.ids = ids;
	c.nids = n;
	if ((st = run_change(&c, bulk_tx)) != HTTP_OK)
		return st;
	items = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s}", "id",
		    (json_int_t)ids[i], "status", c.status));
	json_object_set_new(m, "event_id", json_integer(eid));
	json_object_set_new(m, "action", json_string(req_value(r, PA_ACTION)));
	json_object_set_new(m, "items", items);
	r->redirect = next_path(r, arena_printf(r->arena,
	    "/participations?event_id=%lld", (long long)eid));
	r->flash = c.approve ? "participation_bulk_approved" :
	    "participation_bulk_rejected";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

static const struct route routes[] = {
	{ M_GET, "/participations", participations_list, ROLE_USER,
	    "participations/mine" },
	{ M_POST, "/participations", participations_enroll, ROLE_USER, NULL },
	{ M_GET, "/participations/new/{event_id}", participations_new,
	    ROLE_USER, "participations/new" },
	{ M_POST, "/participations/bulk", participations_bulk, ROLE_USER,
	    NULL },
	{ M_GET, "/participations/{id}", participations_show, ROLE_USER,
	    "participations/show" },
	{ M_POST, "/participations/{id}/cancel", participations_cancel,
	    ROLE_USER, NULL },
	{ M_POST, "/participations/{id}/approve", participations_approve,
	    ROLE_USER, NULL },
	{ M_POST, "/participations/{id}/reject", participations_reject,
	    ROLE_USER, NULL },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app participations = {
	"participations", routes, fields, PA__MAX, stmts, STMT__MAX, NULL,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &participations);
}
