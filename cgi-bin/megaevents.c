/*
 * megaevents: a mega event (a festival, a campaign) groups events under
 * one page, with its own participants and an image gallery.  Owns
 * megaevents, megaevent_participations and megaevent_images
 * (sql/004_events.sql); reads megaevent_categories (catalog's), users
 * and events.
 *
 * The events program owns the events table.  The one column of it this
 * program writes is events.megaevent_id, and only through attach and
 * detach below, for events of the mega event's own organiser.
 *
 * NGOs and admins create mega events; only the organiser or an admin
 * changes one.  A private mega event (is_public = 0) is 404 to everyone
 * else.  Every change appends a megaevent.* row to the outbox in its
 * transaction.
 *
 *   GET  /megaevents?category_id=&from=&to=&page=   the list
 *   GET  /megaevents/new                            ONG: the form
 *   POST /megaevents                                ONG: create
 *   GET  /megaevents/{id}                           the page
 *   GET  /megaevents/{id}/edit                      owner: the form
 *   POST /megaevents/{id}, PATCH /api/v1/megaevents/{id}      owner: change
 *   POST /megaevents/{id}/delete, DELETE /api/v1/megaevents/{id}
 *   POST /megaevents/{id}/join                      signed in: join
 *   POST /megaevents/{id}/leave, DELETE /api/v1/megaevents/{id}/join
 *   POST /megaevents/{id}/events {event_id}         owner: attach an event
 *   POST /megaevents/{id}/events/{event_id}/remove, DELETE .../events/{event_id}
 *   GET  /megaevents/{id}/images                    the gallery
 *   POST /megaevents/{id}/images/{image_id}, PATCH ...   owner: caption, position
 *   POST /megaevents/{id}/images/{image_id}/move    owner: {direction}
 *   POST /megaevents/{id}/images/{image_id}/delete, DELETE ...
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "i18n.h"
#include "log.h"
#include "once.h"
#include "outbox.h"
#include "req.h"
#include "resp.h"
#include "tz.h"

#define PAGE_SIZE	20
#define ATTACHABLE_MAX	100	/* own events offered in the attach form */

enum me_field {
	ME_TITLE, ME_DESCRIPTION, ME_CATEGORY_ID, ME_STARTS_AT, ME_ENDS_AT,
	ME_IS_PUBLIC, ME_EVENT_ID, ME_CAPTION, ME_POSITION, ME_DIRECTION,
	ME_FROM, ME_TO, ME_PAGE, ME_FORM_KEY, ME__MAX
};

#define F(x)	REQ_F(x)

static bool	valid_day_or_time(const struct field *, const char *, size_t,
		    const char **);

static const char *const directions[] = { "up", "down", NULL };

static const struct field fields[ME__MAX] = {
	{ "title", valid_line, 1, 200, NULL },		/* ME_TITLE */
	{ "description", valid_text, 1, 5000, NULL },	/* ME_DESCRIPTION */
	{ "category_id", valid_id, 0, 0, NULL },	/* ME_CATEGORY_ID */
	{ "starts_at", valid_datetime, 0, 0, NULL },	/* ME_STARTS_AT */
	{ "ends_at", valid_datetime, 0, 0, NULL },	/* ME_ENDS_AT */
	{ "is_public", valid_bool, 0, 0, NULL },	/* ME_IS_PUBLIC */
	{ "event_id", valid_id, 0, 0, NULL },		/* ME_EVENT_ID */
	{ "caption", valid_line, 0, 300, NULL },	/* ME_CAPTION */
	{ "position", valid_int, 0, 1000000, NULL },	/* ME_POSITION */
	{ "direction", valid_enum, 0, 0, directions },	/* ME_DIRECTION */
	{ "from", valid_day_or_time, 0, 0, NULL },	/* ME_FROM */
	{ "to", valid_day_or_time, 0, 0, NULL },	/* ME_TO */
	{ "page", valid_int, 1, 100000, NULL },		/* ME_PAGE */
	{ ONCE_FIELD, valid_line, 0, 64, NULL },	/* ME_FORM_KEY */
};

enum me_stmt {
	STMT_LIST,
	STMT_GET,
	STMT_LOCK,
	STMT_INSERT,
	STMT_UPDATE,
	STMT_DELETE,
	STMT_CATEGORY_OK,
	STMT_CATEGORIES,
	STMT_JOIN,
	STMT_COUNT_UP,
	STMT_LEAVE,
	STMT_COUNT_DOWN,
	STMT_EVENTS,
	STMT_ATTACHABLE,
	STMT_EVENT_LOCK,
	STMT_ATTACH,
	STMT_DETACH,
	STMT_IMAGES,
	STMT_IMAGE_GET,
	STMT_IMAGE_UPDATE,
	STMT_IMAGE_ORDER,
	STMT_IMAGE_POSITION,
	STMT_IMAGE_DELETE,
	STMT__MAX
};

/* Who sees a mega event: everyone when public, else its organiser and
 * admins (the last two parameters: the caller, 1 for an admin). */
#define VISIBLE	"(m.is_public = 1 OR m.organizer_id = ? OR ? = 1)"

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_LIST: one row more than a page tells whether there is a
	 * next; from/to keep those overlapping the window */
	{ "SELECT m.id, m.title, LEFT(m.description, 280) AS summary, "
	  "m.category_id, c.name AS category_name, c.name_en AS "
	  "category_name_en, m.organizer_id, COALESCE(o.name, u.name) AS "
	  "organizer_name, m.starts_at, m.ends_at, m.is_public, "
	  "m.participants_count FROM megaevents m JOIN megaevent_categories "
	  "c ON c.id = m.category_id JOIN users u ON u.id = m.organizer_id "
	  "LEFT JOIN organizations o ON o.user_id = m.organizer_id WHERE "
	  VISIBLE
	  " AND (? IS NULL OR m.category_id = ?) AND (? IS NULL OR "
	  "m.ends_at >= ?) AND (? IS NULL OR m.starts_at <= ?) "
	  "ORDER BY m.starts_at, m.id LIMIT ? OFFSET ?", NULL, 0 },
	/* STMT_GET */
	{ "SELECT m.id, m.title, m.description, m.category_id, c.name AS "
	  "category_name, c.name_en AS category_name_en, m.organizer_id, "
	  "COALESCE(o.name, u.name) AS organizer_name, m.starts_at, "
	  "m.ends_at, m.is_public, "
	  "m.participants_count, m.created_at, m.updated_at, EXISTS (SELECT 1 "
	  "FROM megaevent_participations p WHERE p.megaevent_id = m.id AND "
	  "p.user_id = ?) AS joined FROM megaevents m JOIN "
	  "megaevent_categories c ON c.id = m.category_id JOIN users u ON "
	  "u.id = m.organizer_id LEFT JOIN organizations o ON o.user_id = "
	  "m.organizer_id WHERE m.id = ? AND " VISIBLE, NULL, 0 },
	/* STMT_LOCK */
	{ "SELECT id, organizer_id, title, is_public, category_id, starts_at, "
	  "ends_at, ends_at <= UTC_TIMESTAMP() AS ended FROM megaevents "
	  "WHERE id = ? FOR UPDATE", NULL, 0 },
	/* STMT_INSERT */
	{ "INSERT INTO megaevents (organizer_id, title, description, "
	  "category_id, starts_at, ends_at, is_public) VALUES (?, ?, ?, ?, ?, "
	  "?, ?)", NULL, 0 },
	/* STMT_UPDATE: NULL keeps a column; ownership in the statement */
	{ "UPDATE megaevents SET title = COALESCE(?, title), "
	  "description = COALESCE(?, description), "
	  "category_id = COALESCE(?, category_id), "
	  "starts_at = COALESCE(?, starts_at), ends_at = COALESCE(?, ends_at), "
	  "is_public = COALESCE(?, is_public) "
	  "WHERE id = ? AND (organizer_id = ? OR ? = 1)", NULL, 0 },
	/* STMT_DELETE: participants and gallery go with it; its events
	 * stay, without a mega event (ON DELETE SET NULL) */
	{ "DELETE FROM megaevents WHERE id = ? AND (organizer_id = ? OR ? = 1)",
	  NULL, 0 },
	/* STMT_CATEGORY_OK: an active category, or the one it has */
	{ "SELECT id FROM megaevent_categories WHERE id = ? AND "
	  "(retired_at IS NULL OR id = ?)", NULL, 0 },
	/* STMT_CATEGORIES */
	{ "SELECT id, name, name_en FROM megaevent_categories WHERE "
	  "retired_at IS NULL ORDER BY position, name, id", NULL, 0 },
	/* STMT_JOIN: no row changes when already joined */
	{ "INSERT INTO megaevent_participations (megaevent_id, user_id) "
	  "VALUES (?, ?) ON DUPLICATE KEY UPDATE megaevent_id = megaevent_id",
	  NULL, 0 },
	/* STMT_COUNT_UP */
	{ "UPDATE megaevents SET participants_count = participants_count + 1 "
	  "WHERE id = ?", NULL, 0 },
	/* STMT_LEAVE */
	{ "DELETE FROM megaevent_participations WHERE megaevent_id = ? AND "
	  "user_id = ?", NULL, 0 },
	/* STMT_COUNT_DOWN */
	{ "UPDATE megaevents SET participants_count = participants_count - 1 "
	  "WHERE id = ? AND participants_count > 0", NULL, 0 },
	/* STMT_EVENTS: published ones, or all for the organiser; pages show
	 * each start in its city's time zone */
	{ "SELECT e.id, e.title, e.starts_at, e.status, c.timezone FROM "
	  "events e JOIN cities c ON c.id = e.city_id WHERE "
	  "e.megaevent_id = ? AND (e.status = 'published' OR ? = 1) "
	  "ORDER BY e.starts_at, e.id", NULL, 0 },
	/* STMT_ATTACHABLE: the organiser's other events */
	{ "SELECT e.id, e.title, e.starts_at, e.status, c.timezone FROM "
	  "events e JOIN cities c ON c.id = e.city_id WHERE "
	  "e.organizer_id = ? AND (e.megaevent_id IS NULL OR "
	  "e.megaevent_id <> ?) AND e.status <> 'cancelled' "
	  "ORDER BY e.starts_at DESC, e.id DESC LIMIT ?", NULL, 0 },
	/* STMT_EVENT_LOCK */
	{ "SELECT id, organizer_id, megaevent_id, title, starts_at, status "
	  "FROM events WHERE id = ? FOR UPDATE", NULL, 0 },
	/* STMT_ATTACH: events.megaevent_id, the one column of events this
	 * program writes, for the organiser's own events only */
	{ "UPDATE events SET megaevent_id = ? WHERE id = ? AND "
	  "organizer_id = ?", NULL, 0 },
	/* STMT_DETACH */
	{ "UPDATE events SET megaevent_id = NULL WHERE id = ? AND "
	  "megaevent_id = ?", NULL, 0 },
	/* STMT_IMAGES */
	{ "SELECT id, file_id, caption, position, created_at FROM "
	  "megaevent_images WHERE megaevent_id = ? ORDER BY position, id",
	  NULL, 0 },
	/* STMT_IMAGE_GET */
	{ "SELECT id, file_id, caption, position, created_at FROM "
	  "megaevent_images WHERE id = ? AND megaevent_id = ?", NULL, 0 },
	/* STMT_IMAGE_UPDATE: NULL keeps a column; "" clears the caption */
	{ "UPDATE megaevent_images SET caption = IF(? IS NULL, caption, "
	  "NULLIF(?, '')), position = COALESCE(?, position) WHERE id = ? AND "
	  "megaevent_id = ?", NULL, 0 },
	/* STMT_IMAGE_ORDER */
	{ "SELECT id FROM megaevent_images WHERE megaevent_id = ? "
	  "ORDER BY position, id FOR UPDATE", NULL, 0 },
	/* STMT_IMAGE_POSITION */
	{ "UPDATE megaevent_images SET position = ? WHERE id = ? AND "
	  "megaevent_id = ?", NULL, 0 },
	/* STMT_IMAGE_DELETE */
	{ "DELETE FROM megaevent_images WHERE id = ? AND megaevent_id = ?",
	  NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* A date (YYYY-MM-DD, a whole day) or an ISO 8601 date-time. */
static bool
valid_day_or_time(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	if (len == 10)
		return valid_date(f, val, len, reason);
	return valid_datetime(f, val, len, reason);
}

static bool
is_admin(const struct req *r)
{
	return (r->user.role & ROLE_ADMIN) != 0;
}

/* The id path parameter called name ("image_id"), or 0. */
static int64_t
path_id(const struct req *r, const char *name)
{
	const struct route_param	*p;
	size_t				 i, n = strlen(name);

	for (i = 0; i < r->match.nparams; i++) {
		p = &r->match.params[i];
		if (p->namelen == n && strncmp(p->name, name, n) == 0)
			return p->id;
	}
	return 0;
}

/* "2026-05-01T10:00:00Z" as MariaDB's "2026-05-01 10:00:00". */
static void
iso_to_sql(const char *iso, char out[20])
{
	snprintf(out, 20, "%.10s %.8s", iso, strlen(iso) >= 19 ? iso + 11 :
	    "00:00:00");
}

/* The English category name when English is asked for and there is one. */
static void
pick_category(struct req *r, json_t *row)
{
	json_t	*en = json_object_get(row, "category_name_en");

	if (strcmp(r->lang, "en") == 0 && json_string_length(en) > 0)
		json_object_set(row, "category_name", en);
	json_object_del(row, "category_name_en");
}

/* What pages show of a time, in the site's zone (a mega event has no
 * city of its own): "2026-05-01 10:00 CEST", and the form's
 * datetime-local value "2026-05-01T10:00". */
static void
add_time_texts(struct req *r, json_t *row, const char *key)
{
	const char	*iso = json_string_value(json_object_get(row, key));
	char		 when[TZ_WHEN_LEN], abbr[TZ_ABBR_MAX];

	if (r->api || iso == NULL || strlen(iso) < 16)
		return;
	resp_time_text(r, row, key);
	tz_wall(tz_site(), iso, when, abbr);
	if (when[0] != '\0')
		when[10] = 'T';
	json_object_set_new(row, arena_printf(r->arena, "%s_local", key),
	    json_string(when));
}

/* Whether an ISO 8601 UTC time ("2026-05-01T10:00:00Z") has come. */
static bool
is_past(const char *iso)
{
	char		 now[21];
	time_t		 t = time(NULL);
	struct tm	 tm;

	if (iso == NULL)
		return false;
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return strcmp(iso, now) <= 0;
}

/* Shapes a mega event row for the caller. */
static void
shape(struct req *r, json_t *row)
{
	json_t	*j;

	pick_category(r, row);
	if ((j = json_object_get(row, "joined")) != NULL)
		json_object_set_new(row, "joined", json_boolean(
		    json_integer_value(j) != 0));
	add_time_texts(r, row, "starts_at");
	add_time_texts(r, row, "ends_at");
	if (!r->api)	/* over: nobody joins or leaves any more */
		json_object_set_new(row, "is_over", json_boolean(is_past(
		    json_string_value(json_object_get(row, "ends_at")))));
}

static bool
owns(const struct req *r, const json_t *row)
{
	return is_admin(r) || json_integer_value(json_object_get(row,
	    "organizer_id")) == r->user.id;
}

/* The active categories, the chosen one marked. */
static enum db_status
load_categories(struct req *r, json_t *m, long long chosen)
{
	json_t		*rows = NULL, *row, *en;
	enum db_status	 rc;
	size_t		 i;

	if ((rc = db_query(&stmts[STMT_CATEGORIES], DB_NOPARAMS, &rows)) !=
	    DB_OK)
		return rc;
	json_array_foreach(rows, i, row) {
		en = json_object_get(row, "name_en");
		if (strcmp(r->lang, "en") == 0 && json_string_length(en) > 0)
			json_object_set(row, "name", en);
		json_object_del(row, "name_en");
		json_object_set_new(row, "selected", json_boolean(
		    json_integer_value(json_object_get(row, "id")) == chosen));
	}
	json_object_set_new(m, "categories", rows);
	return DB_OK;
}

/* A request's value as a MariaDB time: from/to filters take whole days. */
static const char *
filter_time(struct req *r, size_t f, bool end)
{
	const char	*v = req_value(r, f);
	char		 out[20];

	if (v == NULL)
		return NULL;
	if (strlen(v) == 10)
		return arena_printf(r->arena, "%s %s", v, end ? "23:59:59" :
		    "00:00:00");
	if (!valid_to_utc(v, out))
		return NULL;
	return arena_strdup(r->arena, out);
}

/*
 * GET /megaevents?category_id=&from=&to=&page=: anyone.  Public mega
 * events, and the caller's private ones (all of them for admins), those
 * overlapping [from, to], soonest first, twenty a page.  {items, next}
 * where next is the following page number or null; 422 on a bad filter.
 */
static enum http_status
megaevents_list(struct req *r, json_t *m)
{
	const char	*from, *to, *cat;
	long long	 page = 1, chosen = 0;
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	size_t		 i;

	if (!req_only(r, F(ME_CATEGORY_ID) | F(ME_FROM) | F(ME_TO) |
	    F(ME_PAGE)))
		return HTTP_UNPROCESSABLE;
	if (!req_int(r, ME_PAGE, &page))
		page = 1;
	cat = req_value(r, ME_CATEGORY_ID);
	from = filter_time(r, ME_FROM, false);
	to = filter_time(r, ME_TO, true);
	if (from != NULL && to != NULL && strcmp(to, from) < 0) {
		req_set_invalid(r, ME_TO, "valid.megaevent_ends_before_starts");
		return HTTP_UNPROCESSABLE;
	}
	rc = db_query(&stmts[STMT_LIST], P(DB_INT(r->user.id),
	    DB_INT(is_admin(r)), DB_TEXT(cat), DB_TEXT(cat), DB_TEXT(from),
	    DB_TEXT(from), DB_TEXT(to), DB_TEXT(to), DB_INT(PAGE_SIZE + 1),
	    DB_INT((page - 1) * PAGE_SIZE)), &rows);
	if (rc != DB_OK)
		return app_db_status(rc);
	if (json_array_size(rows) > PAGE_SIZE) {
		json_array_remove(rows, PAGE_SIZE);
		json_object_set_new(m, "next", json_integer(page + 1));
	} else
		json_object_set_new(m, "next", json_null());
	json_array_foreach(rows, i, row)
		shape(r, row);
	json_object_set_new(m, "items", rows);
	if (r->api)
		return HTTP_OK;
	json_object_set_new(m, "page", json_integer(page));
	if (page > 1)
		json_object_set_new(m, "prev", json_integer(page - 1));
	json_object_set_new(m, "filter", json_pack("{s:s, s:s, s:s}",
	    "category_id", cat ? cat : "", "from", req_value(r, ME_FROM) ?
	    req_value(r, ME_FROM) : "", "to", req_value(r, ME_TO) ?
	    req_value(r, ME_TO) : ""));
	json_object_set_new(m, "can_create", json_boolean((r->user.role &
	    (ROLE_ONG | ROLE_ADMIN)) != 0));
	if (cat != NULL)
		valid_parse_int(cat, 1, INT64_MAX, &chosen);
	return app_db_status(load_categories(r, m, chosen));
}

/* The gallery of a mega event, in order; pages get the move flags. */
static enum db_status
load_gallery(struct req *r, int64_t id, json_t **rows)
{
	json_t		*row;
	enum db_status	 rc;
	size_t		 i, n;

	if ((rc = db_query(&stmts[STMT_IMAGES], P(DB_INT(id)), rows)) != DB_OK)
		return rc;
	n = json_array_size(*rows);
	json_array_foreach(*rows, i, row)
		if (!r->api) {
			json_object_set_new(row, "first", json_boolean(i == 0));
			json_object_set_new(row, "last", json_boolean(i + 1 == n));
		}
	return DB_OK;
}

/*
 * An event's start for pages, in the time zone of its city with the
 * zone's abbreviation: "2030-01-01 18:00 CET".  (A mega event has no
 * city, so its own times stay in UTC, labelled so.)  A zone that cannot
 * be read leaves the UTC time, marked UTC.
 */
static void
add_event_time(json_t *row)
{
	char	 label[TZ_LABEL_LEN];

	tz_label(json_string_value(json_object_get(row, "timezone")),
	    json_string_value(json_object_get(row, "starts_at")), label);
	if (*label != '\0')
		json_object_set_new(row, "starts_at_text", json_string(label));
}

/* Pages name an event's status and show its date; the API's rows stay
 * {id, title, starts_at, status}. */
static void
shape_events(struct req *r, json_t *rows)
{
	json_t		*row;
	const char	*st;
	size_t		 i;

	json_array_foreach(rows, i, row) {
		if (r->api) {
			json_object_del(row, "timezone");
			continue;
		}
		st = json_string_value(json_object_get(row, "status"));
		json_object_set_new(row, "status_name", json_string(i18n_get(
		    r->lang, arena_printf(r->arena, "megaevents.status.%s",
		    st != NULL ? st : "draft"))));
		add_event_time(row);
	}
}

/* The detail of a visible mega event into m. */
static enum db_status
load_detail(struct req *r, json_t *m, int64_t id)
{
	json_t		*row = NULL, *rows = NULL;
	enum db_status	 rc;
	bool		 mine;

	rc = db_query_one(&stmts[STMT_GET], P(DB_INT(r->user.id), DB_INT(id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), &row);
	if (rc != DB_OK)
		return rc;
	shape(r, row);
	mine = r->user.id != 0 && owns(r, row);
	json_object_update(m, row);
	json_decref(row);
	if ((rc = db_query(&stmts[STMT_EVENTS], P(DB_INT(id), DB_INT(mine)),
	    &rows)) != DB_OK)
		return rc;
	shape_events(r, rows);
	json_object_set_new(m, "events", rows);
	if ((rc = load_gallery(r, id, &rows)) != DB_OK)
		return rc;
	json_object_set_new(m, "gallery", rows);
	json_object_set_new(m, "can_edit", json_boolean(mine));
	if (r->api)
		return DB_OK;
	/* Loops over events and images see the mega event's id by this
	 * name, as their own "id" hides it. */
	json_object_set_new(m, "megaevent_id", json_integer(id));
	json_object_set_new(m, "has_events", json_boolean(json_array_size(
	    json_object_get(m, "events")) > 0));
	json_object_set_new(m, "has_gallery", json_boolean(json_array_size(
	    json_object_get(m, "gallery")) > 0));
	json_object_set_new(m, "signed_in", json_boolean(r->user.id != 0));
	if (!mine)
		return DB_OK;
	rc = db_query(&stmts[STMT_ATTACHABLE], P(DB_INT(json_integer_value(
	    json_object_get(m, "organizer_id"))), DB_INT(id),
	    DB_INT(ATTACHABLE_MAX)), &rows);
	if (rc != DB_OK)
		return rc;
	shape_events(r, rows);
	json_object_set_new(m, "has_attachable", json_boolean(json_array_size(
	    rows) > 0));
	json_object_set_new(m, "attachable", rows);
	return DB_OK;
}

/*
 * GET /megaevents/{id}: anyone who may see it (404 for someone else's
 * private one).  The mega event with its category name, organiser,
 * participants_count, joined (whether I did), its events [{id, title,
 * starts_at, status}] (published ones; all of them for the organiser)
 * and its gallery.
 */
static enum http_status
megaevents_show(struct req *r, json_t *m)
{
	req_only(r, 0);
	return app_db_status(load_detail(r, m, r->id));
}

/*
 * GET /megaevents/{id}/images: anyone who may see the mega event.  The
 * gallery in order, {items, next: null}; a page shows the mega event.
 */
static enum http_status
megaevents_images(struct req *r, json_t *m)
{
	json_t		*rows = NULL;
	enum db_status	 rc;

	if (!r->api)
		return megaevents_show(r, m);
	req_only(r, 0);
	if ((rc = db_query_one(&stmts[STMT_GET], P(DB_INT(r->user.id),
	    DB_INT(r->id), DB_INT(r->user.id), DB_INT(is_admin(r))), &rows)) !=
	    DB_OK)
		return app_db_status(rc);
	json_decref(rows);
	if ((rc = load_gallery(r, r->id, &rows)) != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "items", rows);
	json_object_set_new(m, "next", json_null());
	return HTTP_OK;
}

/* The form's model: the stored mega event (or nothing), overlaid with
 * what was typed, and the categories. */
static enum http_status
fill_form(struct req *r, json_t *m, json_t *stored)
{
	json_t		*form;
	size_t		 i;
	long long	 cat = 0;
	bool		 pub;
	enum db_status	 rc;

	form = stored != NULL ? json_deep_copy(stored) : json_pack(
	    "{s:s, s:s, s:s, s:s, s:b}", "title", "", "description", "",
	    "starts_at_local", "", "ends_at_local", "", "is_public", 1);
	for (i = ME_TITLE; i <= ME_DESCRIPTION; i++)
		if (r->values[i] != NULL)
			json_object_set_new(form, fields[i].name,
			    json_string(r->values[i]));
	if (r->values[ME_STARTS_AT] != NULL)
		json_object_set_new(form, "starts_at_local",
		    json_string(r->values[ME_STARTS_AT]));
	if (r->values[ME_ENDS_AT] != NULL)
		json_object_set_new(form, "ends_at_local",
		    json_string(r->values[ME_ENDS_AT]));
	if (r->values[ME_IS_PUBLIC] != NULL &&
	    valid_parse_bool(r->values[ME_IS_PUBLIC], &pub))
		json_object_set_new(form, "is_public", json_boolean(pub));
	if (r->values[ME_CATEGORY_ID] == NULL ||
	    !valid_parse_int(r->values[ME_CATEGORY_ID], 1, INT64_MAX, &cat))
		cat = json_integer_value(json_object_get(form, "category_id"));
	/* A new form's key; drawn again after a refusal, it keeps it. */
	if (stored == NULL)
		json_object_set_new(form, "form_key", json_string(
		    once_valid(r->values[ME_FORM_KEY]) ?
		    r->values[ME_FORM_KEY] : once_key(r)));
	json_object_set_new(m, "form", form);
	json_object_set_new(m, "site_zone", json_string(tz_site()));
	json_object_set_new(m, "is_new", json_boolean(stored == NULL));
	if (stored != NULL)
		json_object_set(m, "id", json_object_get(stored, "id"));
	rc = load_categories(r, m, cat);
	return app_db_status(rc);
}

/*
 * GET /megaevents/new: NGOs and admins.  The empty form.
 */
static enum http_status
megaevents_new(struct req *r, json_t *m)
{
	req_only(r, 0);
	return fill_form(r, m, NULL);
}

/* The stored mega event, for its organiser's form: 403/404 otherwise. */
static enum http_status
load_own(struct req *r, int64_t id, json_t **row)
{
	enum db_status	 rc;
	bool		 pub;

	rc = db_query_one(&stmts[STMT_GET], P(DB_INT(r->user.id), DB_INT(id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), row);
	if (rc != DB_OK)
		return app_db_status(rc);
	if (owns(r, *row)) {
		shape(r, *row);
		return HTTP_OK;
	}
	pub = json_is_true(json_object_get(*row, "is_public"));
	json_decref(*row);
	*row = NULL;
	return pub ? HTTP_FORBIDDEN : HTTP_NOT_FOUND;
}

/*
 * GET /megaevents/{id}/edit: the organiser and admins.  The form with
 * the stored values; 403 for someone else's public one, 404 otherwise.
 */
static enum http_status
megaevents_edit(struct req *r, json_t *m)
{
	json_t			*row = NULL;
	enum http_status	 st;

	req_only(r, 0);
	if ((st = load_own(r, r->id, &row)) != HTTP_OK)
		return st;
	st = fill_form(r, m, row);
	json_decref(row);
	return st;
}

/* One write on a mega event and how it ended. */
struct op {
	struct req		*r;
	int64_t			 id;		/* the mega event */
	int64_t			 other;		/* an event or an image */
	json_t			*me;		/* the locked mega event */
	enum http_status	 st;		/* a refusal, or HTTP_OK */
	bool			 join;		/* join, or leave */
	bool			 changed;
	char			 starts[20];	/* as typed, in UTC; "" if not */
	char			 ends[20];
	const char		*once;		/* the create form's key */
};

/*
 * A typed start or end as UTC for MariaDB into out ("" when not sent or
 * not a time).  A page's zoneless value is the site's wall-clock time
 * (the form says which zone); the API's, UTC, as for events.
 */
static void
typed_time(struct req *r, size_t f, char out[20])
{
	const char	*v = req_value(r, f);

	out[0] = '\0';
	if (v == NULL)
		return;
	if (r->api || !valid_zoneless(v)) {
		if (!valid_to_utc(v, out))
			out[0] = '\0';
		return;
	}
	switch (tz_to_utc(tz_site(), v, out)) {
	case TZ_OK:
		return;
	case TZ_SKIPPED:
		req_set_invalid(r, f, "valid.megaevent_time_skipped");
		break;
	default:
		req_set_invalid(r, f, "valid.bad_datetime");
	}
	out[0] = '\0';
}

/* A refusal inside a transaction: rolls back, the handler answers st. */
static enum db_status
refuse(struct op *o, enum http_status st, int field, const char *reason,
    const char *detail)
{
	o->st = st;
	if (field >= 0)
		req_set_invalid(o->r, (size_t)field, reason);
	if (detail != NULL)
		o->r->detail = detail;
	return DB_NOTFOUND;
}

/* Locks the mega event.  need_owner: only its organiser or an admin may
 * go on (403 when it is public, 404 when not); otherwise anyone who may
 * see it. */
static enum db_status
lock_me(struct op *o, bool need_owner)
{
	enum db_status	 rc;
	bool		 pub;

	json_decref(o->me);
	o->me = NULL;
	rc = db_query_one(&stmts[STMT_LOCK], P(DB_INT(o->id)), &o->me);
	if (rc == DB_NOTFOUND)
		return refuse(o, HTTP_NOT_FOUND, -1, NULL, NULL);
	if (rc != DB_OK)
		return rc;
	if (owns(o->r, o->me))
		return DB_OK;
	pub = json_is_true(json_object_get(o->me, "is_public"));
	if (!pub)
		return refuse(o, HTTP_NOT_FOUND, -1, NULL, NULL);
	if (need_owner)
		return refuse(o, HTTP_FORBIDDEN, -1, NULL, NULL);
	return DB_OK;
}

/* Appends a megaevent.* row about o's mega event. */
static enum db_status
announce(struct op *o, const char *topic, json_t *extra)
{
	json_t	*p;

	o->changed = true;
	p = json_pack("{s:I, s:O, s:O}", "megaevent_id", (json_int_t)o->id,
	    "organizer_id", json_object_get(o->me, "organizer_id"), "title",
	    json_object_get(o->me, "title"));
	if (extra != NULL) {
		json_object_update(p, extra);
		json_decref(extra);
	}
	return outbox_append(topic, p);
}

/* The category must be active, or the one the mega event already has. */
static enum db_status
check_category(struct op *o, long long current)
{
	const char	*cat = req_value(o->r, ME_CATEGORY_ID);
	json_t		*row = NULL;
	enum db_status	 rc;

	if (cat == NULL)
		return DB_OK;
	rc = db_query_one(&stmts[STMT_CATEGORY_OK], P(DB_TEXT(cat),
	    DB_INT(current)), &row);
	json_decref(row);
	if (rc == DB_NOTFOUND)
		return refuse(o, HTTP_UNPROCESSABLE, ME_CATEGORY_ID,
		    "valid.megaevent_unknown_category", NULL);
	return rc;
}

/* The dates as MariaDB times, the stored ones where none was sent;
 * 422 when the end comes before the start. */
static enum db_status
check_dates(struct op *o, char starts[20], char ends[20])
{
	if (o->starts[0] != '\0')
		memcpy(starts, o->starts, 20);
	else
		iso_to_sql(json_string_value(json_object_get(o->me,
		    "starts_at")), starts);
	if (o->ends[0] != '\0')
		memcpy(ends, o->ends, 20);
	else
		iso_to_sql(json_string_value(json_object_get(o->me,
		    "ends_at")), ends);
	if (strcmp(ends, starts) < 0)
		return refuse(o, HTTP_UNPROCESSABLE, ME_ENDS_AT,
		    "valid.megaevent_ends_before_starts", NULL);
	return DB_OK;
}


static enum db_status
create_tx(void *arg)
{
	struct op	*o = arg;
	struct req	*r = o->r;
	enum db_status	 rc;
	uint64_t	 id = 0;
	int64_t		 made;
	bool		 pub = req_bool(r, ME_IS_PUBLIC, true);

	o->st = HTTP_OK;
	json_decref(o->me);	/* a retried transaction starts afresh */
	o->me = NULL;
	/* The same form sent again goes to the mega event it made. */
	if (o->once != NULL &&
	    (rc = once_claim(r->user.id, o->once, &made)) != DB_OK) {
		if (rc == DB_CONFLICT && made != 0) {
			o->id = made;
			return refuse(o, HTTP_SEE_OTHER, -1, NULL, NULL);
		}
		return rc;
	}
	if ((rc = check_category(o, 0)) != DB_OK)
		return rc;
	rc = db_exec(&stmts[STMT_INSERT], P(DB_INT(r->user.id),
	    DB_TEXT(req_value(r, ME_TITLE)), DB_TEXT(req_value(r,
	    ME_DESCRIPTION)), DB_TEXT(req_value(r, ME_CATEGORY_ID)),
	    DB_TEXT(o->starts), DB_TEXT(o->ends), DB_INT(pub)), NULL, &id);
	if (rc != DB_OK)
		return rc;
	o->id = (int64_t)id;
	if (o->once != NULL &&
	    (rc = once_done(r->user.id, o->once, o->id)) != DB_OK)
		return rc;
	o->me = json_pack("{s:I, s:s}", "organizer_id",
	    (json_int_t)r->user.id, "title", req_value(r, ME_TITLE));
	return announce(o, "megaevent.created", json_pack("{s:b}",
	    "is_public", pub));
}

#define FORM_FIELDS	(F(ME_TITLE) | F(ME_DESCRIPTION) | F(ME_CATEGORY_ID) | \
			    F(ME_STARTS_AT) | F(ME_ENDS_AT) | F(ME_IS_PUBLIC) | \
			    F(ME_FORM_KEY))

/*
 * POST /megaevents: NGOs and admins.  title (1-200), description
 * (1-5000), category_id (an active category), starts_at, ends_at (not
 * before starts_at), is_public (true by default).  201 with the mega
 * event and its Location (pages: to its page); 422 with field errors.
 */
static enum http_status
megaevents_create(struct req *r, json_t *m)
{
	struct op	 o = { .r = r, .id = 0, .st = HTTP_OK };
	enum db_status	 rc;

	req_only(r, FORM_FIELDS);
	typed_time(r, ME_STARTS_AT, o.starts);
	typed_time(r, ME_ENDS_AT, o.ends);
	if (req_require(r, ME_STARTS_AT, ME_ENDS_AT, -1) &&
	    strcmp(o.ends, o.starts) < 0)
		req_set_invalid(r, ME_ENDS_AT,
		    "valid.megaevent_ends_before_starts");
	req_require(r, ME_TITLE, ME_DESCRIPTION, ME_CATEGORY_ID, -1);
	if (!r->api && once_valid(req_value(r, ME_FORM_KEY)))
		o.once = req_value(r, ME_FORM_KEY);
	if (r->has_invalid)
		o.st = HTTP_UNPROCESSABLE;
	else if ((rc = db_tx(create_tx, &o)) != DB_OK && o.st == HTTP_OK) {
		json_decref(o.me);
		return app_db_status(rc);
	}
	json_decref(o.me);
	if (o.st == HTTP_SEE_OTHER) {
		r->flash = "megaevent_sent_twice";
		r->redirect = arena_printf(r->arena, "/megaevents/%lld",
		    (long long)o.id);
		return HTTP_SEE_OTHER;
	}
	if (o.st != HTTP_OK) {
		if (!r->api && fill_form(r, m, NULL) != HTTP_OK)
			return HTTP_INTERNAL_ERROR;
		return o.st;
	}
	r->flash = "megaevent_created";
	r->redirect = arena_printf(r->arena, "%s/megaevents/%lld",
	    r->api ? "/api/v1" : "", (long long)o.id);
	if (!r->api)
		return HTTP_CREATED;
	if ((rc = load_detail(r, m, o.id)) != DB_OK)
		return app_db_status(rc);
	return HTTP_CREATED;
}

static enum db_status
update_tx(void *arg)
{
	struct op	*o = arg;
	struct req	*r = o->r;
	char		 starts[20], ends[20];
	enum db_status	 rc;
	const char	*pub = NULL;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, true)) != DB_OK)
		return rc;
	/* A page sends the whole form: a field left empty was emptied, not
	 * left as it was (the API sends only what changes).  Asked only of
	 * the owner, so others learn nothing but 403 or 404. */
	if (!r->api && !req_require(r, ME_TITLE, ME_DESCRIPTION,
	    ME_CATEGORY_ID, ME_STARTS_AT, ME_ENDS_AT, -1))
		o->st = HTTP_UNPROCESSABLE;
	/* Every check runs, so the form shows every error at once. */
	rc = check_category(o, json_integer_value(json_object_get(o->me,
	    "category_id")));
	if (rc != DB_OK && o->st == HTTP_OK)
		return rc;
	if ((rc = check_dates(o, starts, ends)) != DB_OK)
		return rc;
	if (o->st != HTTP_OK)
		return DB_NOTFOUND;
	if (req_value(r, ME_IS_PUBLIC) != NULL)
		pub = req_bool(r, ME_IS_PUBLIC, true) ? "1" : "0";
	rc = db_exec(&stmts[STMT_UPDATE], P(DB_TEXT(req_value(r, ME_TITLE)),
	    DB_TEXT(req_value(r, ME_DESCRIPTION)), DB_TEXT(req_value(r,
	    ME_CATEGORY_ID)), DB_TEXT(starts), DB_TEXT(ends), DB_TEXT(pub),
	    DB_INT(o->id), DB_INT(r->user.id), DB_INT(is_admin(r))), NULL,
	    NULL);
	if (rc != DB_OK)
		return rc;
	if (req_value(r, ME_TITLE) != NULL)
		json_object_set_new(o->me, "title", json_string(req_value(r,
		    ME_TITLE)));
	return announce(o, "megaevent.updated", json_pack("{s:s}", "action",
	    "edited"));
}

/*
 * POST /megaevents/{id} (page) and PATCH /api/v1/megaevents/{id}: the
 * organiser and admins.  Changes the fields sent (as for create).  200
 * with the mega event (pages: to its page); 403 for someone else's
 * public one, 404 for a private one or none; 422 with field errors.
 */
static enum http_status
megaevents_update(struct req *r, json_t *m)
{
	struct op	 o = { .r = r, .id = r->id, .st = HTTP_OK };
	json_t		*row = NULL;
	enum db_status	 rc;
	enum http_status st;

	if (req_only(r, FORM_FIELDS)) {
		typed_time(r, ME_STARTS_AT, o.starts);
		typed_time(r, ME_ENDS_AT, o.ends);
	}
	if (r->has_invalid)
		o.st = HTTP_UNPROCESSABLE;
	else if ((rc = db_tx(update_tx, &o)) != DB_OK && o.st == HTTP_OK) {
		json_decref(o.me);
		return app_db_status(rc);
	}
	json_decref(o.me);
	if (o.st == HTTP_UNPROCESSABLE && !r->api) {
		if ((st = load_own(r, r->id, &row)) != HTTP_OK)
			return st;
		st = fill_form(r, m, row);
		json_decref(row);
		return st != HTTP_OK ? st : HTTP_UNPROCESSABLE;
	}
	if (o.st != HTTP_OK)
		return o.st;
	r->flash = "saved";
	r->redirect = arena_printf(r->arena, "/megaevents/%lld",
	    (long long)r->id);
	if (!r->api)
		return HTTP_SEE_OTHER;
	return app_db_status(load_detail(r, m, r->id));
}

static enum db_status
delete_tx(void *arg)
{
	struct op	*o = arg;
	struct req	*r = o->r;
	enum db_status	 rc;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, true)) != DB_OK)
		return rc;
	rc = db_exec(&stmts[STMT_DELETE], P(DB_INT(o->id), DB_INT(r->user.id),
	    DB_INT(is_admin(r))), NULL, NULL);
	if (rc != DB_OK)
		return rc;
	return announce(o, "megaevent.deleted", NULL);
}

/*
 * POST /megaevents/{id}/delete (page) and DELETE /api/v1/megaevents/{id}:
 * the organiser and admins.  Its participants and gallery go with it;
 * its events stay, outside any mega event.  204 (pages: to the list);
 * 403 for someone else's public one, 404 otherwise.
 */
static enum http_status
megaevents_delete(struct req *r, json_t *m)
{
	struct op	 o = { .r = r, .id = r->id, .st = HTTP_OK };
	enum db_status	 rc;

	(void)m;	/* nothing to show: the mega event is gone */
	req_only(r, 0);
	rc = db_tx(delete_tx, &o);
	json_decref(o.me);
	if (o.st != HTTP_OK)
		return o.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	r->flash = "megaevent_deleted";
	r->redirect = "/megaevents";
	return HTTP_NO_CONTENT;
}

static enum db_status
join_tx(void *arg)
{
	struct op	*o = arg;
	struct req	*r = o->r;
	enum db_status	 rc;
	uint64_t	 n = 0;
	bool		 join = o->join;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, false)) != DB_OK)
		return rc;
	/* Taking part is history once it is over, as with events. */
	if (json_is_true(json_object_get(o->me, "ended")) ||
	    json_integer_value(json_object_get(o->me, "ended")) != 0)
		return refuse(o, HTTP_CONFLICT, -1, NULL,
		    "error_detail.megaevent_over");
	rc = db_exec(&stmts[join ? STMT_JOIN : STMT_LEAVE], P(DB_INT(o->id),
	    DB_INT(r->user.id)), &n, NULL);
	if (rc != DB_OK || n == 0)
		return rc;	/* nothing to do: already in, or out */
	if ((rc = db_exec(&stmts[join ? STMT_COUNT_UP : STMT_COUNT_DOWN],
	    P(DB_INT(o->id)), NULL, NULL)) != DB_OK)
		return rc;
	return announce(o, join ? "megaevent.joined" : "megaevent.left",
	    json_pack("{s:I}", "user_id", (json_int_t)r->user.id));
}

/* Joins or leaves; the answer is {id, joined, participants_count}. */
static enum http_status
join_or_leave(struct req *r, json_t *m, bool join)
{
	struct op	 o = { .r = r, .id = r->id, .st = HTTP_OK, .join = join };
	json_t		*row = NULL;
	enum db_status	 rc;

	req_only(r, 0);
	rc = db_tx(join_tx, &o);
	json_decref(o.me);
	if (o.st != HTTP_OK)
		return o.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	r->flash = o.changed ? (join ? "megaevent_joined" : "megaevent_left") :
	    NULL;
	r->redirect = arena_printf(r->arena, "/megaevents/%lld",
	    (long long)r->id);
	if (!r->api)
		return HTTP_SEE_OTHER;
	if ((rc = db_query_one(&stmts[STMT_GET], P(DB_INT(r->user.id),
	    DB_INT(r->id), DB_INT(r->user.id), DB_INT(is_admin(r))), &row)) !=
	    DB_OK)
		return app_db_status(rc);
	json_object_set(m, "id", json_object_get(row, "id"));
	json_object_set_new(m, "joined", json_boolean(json_integer_value(
	    json_object_get(row, "joined")) != 0));
	json_object_set(m, "participants_count", json_object_get(row,
	    "participants_count"));
	json_decref(row);
	return HTTP_OK;
}

/*
 * POST /megaevents/{id}/join: any signed-in user who may see it.
 * Idempotent: joining twice changes nothing.  200 {id, joined,
 * participants_count} (pages: back to it); 404 for a private one.
 */
static enum http_status
megaevents_join(struct req *r, json_t *m)
{
	return join_or_leave(r, m, true);
}

/*
 * POST /megaevents/{id}/leave (page) and DELETE /api/v1/megaevents/{id}/join:
 * any signed-in user.  Idempotent.  200 {id, joined, participants_count}.
 */
static enum http_status
megaevents_leave(struct req *r, json_t *m)
{
	return join_or_leave(r, m, false);
}

static enum db_status
attach_tx(void *arg)
{
	struct op	*o = arg;
	json_t		*ev = NULL;
	enum db_status	 rc;
	json_int_t	 owner, at;
	bool		 draft;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, true)) != DB_OK)
		return rc;
	rc = db_query_one(&stmts[STMT_EVENT_LOCK], P(DB_INT(o->other)), &ev);
	if (rc == DB_NOTFOUND)
		return refuse(o, HTTP_UNPROCESSABLE, ME_EVENT_ID,
		    "valid.megaevent_unknown_event", NULL);
	if (rc != DB_OK)
		return rc;
	owner = json_integer_value(json_object_get(ev, "organizer_id"));
	at = json_integer_value(json_object_get(ev, "megaevent_id"));
	draft = strcmp(json_string_value(json_object_get(ev, "status")),
	    "draft") == 0;
	json_decref(ev);
	if (owner != json_integer_value(json_object_get(o->me,
	    "organizer_id"))) {
		/* Someone else's draft does not exist for us. */
		if (draft)
			return refuse(o, HTTP_UNPROCESSABLE, ME_EVENT_ID,
			    "valid.megaevent_unknown_event", NULL);
		return refuse(o, HTTP_FORBIDDEN, -1, NULL,
		    "error_detail.megaevent_event_not_yours");
	}
	if (at == o->id)
		return DB_OK;	/* attached already */
	if ((rc = db_exec(&stmts[STMT_ATTACH], P(DB_INT(o->id),
	    DB_INT(o->other), DB_INT(owner)), NULL, NULL)) != DB_OK)
		return rc;
	return announce(o, "megaevent.updated", json_pack("{s:s, s:I}",
	    "action", "event_attached", "event_id", (json_int_t)o->other));
}

/*
 * POST /megaevents/{id}/events {event_id}: the organiser and admins.
 * Puts one of the organiser's own events in the mega event (moving it
 * from another one); idempotent.  200 {megaevent_id, event_id, events}
 * (pages: back to it); 403 for another organiser's event or someone
 * else's public mega event, 404, 422 for an unknown event.
 */
static enum http_status
megaevents_attach(struct req *r, json_t *m)
{
	struct op	 o = { .r = r, .id = r->id, .st = HTTP_OK };
	enum db_status	 rc;
	long long	 ev = 0;

	req_only(r, F(ME_EVENT_ID));
	if (req_require(r, ME_EVENT_ID, -1)) {
		req_int(r, ME_EVENT_ID, &ev);
		o.other = ev;
		rc = db_tx(attach_tx, &o);
		json_decref(o.me);
		if (rc != DB_OK && o.st == HTTP_OK)
			return app_db_status(rc);
	} else
		o.st = HTTP_UNPROCESSABLE;
	if (o.st != HTTP_OK) {
		if (!r->api && o.st == HTTP_UNPROCESSABLE &&
		    (rc = load_detail(r, m, r->id)) != DB_OK)
			return app_db_status(rc);
		return o.st;
	}
	r->flash = o.changed ? "megaevent_event_attached" : NULL;
	r->redirect = arena_printf(r->arena, "/megaevents/%lld",
	    (long long)r->id);
	if (!r->api)
		return HTTP_SEE_OTHER;
	return app_db_status(load_detail(r, m, r->id));
}

static enum db_status
detach_tx(void *arg)
{
	struct op	*o = arg;
	enum db_status	 rc;
	uint64_t	 n = 0;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, true)) != DB_OK)
		return rc;
	rc = db_exec(&stmts[STMT_DETACH], P(DB_INT(o->other), DB_INT(o->id)),
	    &n, NULL);
	if (rc != DB_OK)
		return rc;
	if (n == 0)
		return refuse(o, HTTP_NOT_FOUND, -1, NULL, NULL);
	return announce(o, "megaevent.updated", json_pack("{s:s, s:I}",
	    "action", "event_detached", "event_id", (json_int_t)o->other));
}

/*
 * POST /megaevents/{id}/events/{event_id}/remove (page) and DELETE
 * /api/v1/megaevents/{id}/events/{event_id}: the organiser and admins.
 * The event leaves the mega event (it is not deleted).  204 (pages: back
 * to it); 404 when it is not in this mega event.
 */
static enum http_status
megaevents_detach(struct req *r, json_t *m)
{
	struct op	 o = { .r = r, .id = r->id, .st = HTTP_OK };
	enum db_status	 rc;

	(void)m;	/* the answer has no body */
	req_only(r, 0);
	o.other = path_id(r, "event_id");
	rc = db_tx(detach_tx, &o);
	json_decref(o.me);
	if (o.st != HTTP_OK)
		return o.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	r->flash = "megaevent_event_detached";
	r->redirect = arena_printf(r->arena, "/megaevents/%lld",
	    (long long)r->id);
	return HTTP_NO_CONTENT;
}

/* The image of o's mega event must exist. */
static enum db_status
check_image(struct op *o)
{
	json_t		*row = NULL;
	enum db_status	 rc;

	rc = db_query_one(&stmts[STMT_IMAGE_GET], P(DB_INT(o->other),
	    DB_INT(o->id)), &row);
	json_decref(row);
	if (rc == DB_NOTFOUND)
		return refuse(o, HTTP_NOT_FOUND, -1, NULL, NULL);
	return rc;
}

static enum db_status
image_update_tx(void *arg)
{
	struct op	*o = arg;
	struct req	*r = o->r;
	const char	*cap = req_value(r, ME_CAPTION);
	enum db_status	 rc;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, true)) != DB_OK || (rc = check_image(o)) != DB_OK)
		return rc;
	if ((rc = db_exec(&stmts[STMT_IMAGE_UPDATE], P(DB_TEXT(cap),
	    DB_TEXT(cap), DB_TEXT(req_value(r, ME_POSITION)),
	    DB_INT(o->other), DB_INT(o->id)), NULL, NULL)) != DB_OK)
		return rc;
	return announce(o, "megaevent.updated", json_pack("{s:s, s:I}",
	    "action", "image_edited", "image_id", (json_int_t)o->other));
}

static enum db_status
image_move_tx(void *arg)
{
	struct op	*o = arg;
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	size_t		 n, i, at;
	bool		 up;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, true)) != DB_OK || (rc = check_image(o)) != DB_OK)
		return rc;
	up = strcmp(req_value(o->r, ME_DIRECTION), "up") == 0;
	if ((rc = db_query(&stmts[STMT_IMAGE_ORDER], P(DB_INT(o->id)),
	    &rows)) != DB_OK)
		return rc;
	n = json_array_size(rows);
	for (at = 0; at < n; at++)
		if (json_integer_value(json_object_get(json_array_get(rows, at),
		    "id")) == o->other)
			break;
	if (at == n || (up && at == 0) || (!up && at + 1 >= n)) {
		json_decref(rows);
		return DB_OK;	/* first or last already */
	}
	row = json_incref(json_array_get(rows, at));
	json_array_remove(rows, at);
	json_array_insert_new(rows, up ? at - 1 : at + 1, row);
	for (i = 0; i < n && rc == DB_OK; i++)
		rc = db_exec(&stmts[STMT_IMAGE_POSITION], P(DB_INT(i + 1),
		    DB_INT(json_integer_value(json_object_get(json_array_get(
		    rows, i), "id"))), DB_INT(o->id)), NULL, NULL);
	json_decref(rows);
	if (rc != DB_OK)
		return rc;
	return announce(o, "megaevent.updated", json_pack("{s:s, s:I}",
	    "action", "image_moved", "image_id", (json_int_t)o->other));
}

static enum db_status
image_delete_tx(void *arg)
{
	struct op	*o = arg;
	enum db_status	 rc;

	o->st = HTTP_OK;
	if ((rc = lock_me(o, true)) != DB_OK || (rc = check_image(o)) != DB_OK)
		return rc;
	if ((rc = db_exec(&stmts[STMT_IMAGE_DELETE], P(DB_INT(o->other),
	    DB_INT(o->id)), NULL, NULL)) != DB_OK)
		return rc;
	return announce(o, "megaevent.updated", json_pack("{s:s, s:I}",
	    "action", "image_deleted", "image_id", (json_int_t)o->other));
}

/* Runs one gallery change; answers the image (API) or goes back. */
static enum http_status
image_change(struct req *r, json_t *m, db_tx_fn fn, bool gone)
{
	struct op	 o = { .r = r, .id = r->id, .st = HTTP_OK };
	json_t		*row = NULL;
	enum db_status	 rc;

	o.other = path_id(r, "image_id");
	if (r->has_invalid)
		o.st = HTTP_UNPROCESSABLE;
	else {
		rc = db_tx(fn, &o);
		json_decref(o.me);
		if (rc != DB_OK && o.st == HTTP_OK)
			return app_db_status(rc);
	}
	if (o.st != HTTP_OK) {
		if (!r->api && o.st == HTTP_UNPROCESSABLE &&
		    (rc = load_detail(r, m, r->id)) != DB_OK)
			return app_db_status(rc);
		return o.st;
	}
	r->flash = o.changed ? "saved" : NULL;
	r->redirect = arena_printf(r->arena, "/megaevents/%lld#gallery",
	    (long long)r->id);
	if (!r->api)
		return HTTP_SEE_OTHER;
	if (gone)
		return HTTP_NO_CONTENT;
	if ((rc = db_query_one(&stmts[STMT_IMAGE_GET], P(DB_INT(o.other),
	    DB_INT(r->id)), &row)) != DB_OK)
		return app_db_status(rc);
	json_object_update(m, row);
	json_decref(row);
	return HTTP_OK;
}

/*
 * POST /megaevents/{id}/images/{image_id} (page) and PATCH
 * /api/v1/megaevents/{id}/images/{image_id}: the organiser and admins.
 * caption (0-300, "" clears it), position.  200 with the image; 403,
 * 404, 422.
 */
static enum http_status
megaevents_image_update(struct req *r, json_t *m)
{
	req_only(r, F(ME_CAPTION) | F(ME_POSITION));
	return image_change(r, m, image_update_tx, false);
}

/*
 * POST /megaevents/{id}/images/{image_id}/move {direction: up|down}: the
 * organiser and admins.  Swaps the image with its neighbour.  200 with
 * the image; 403, 404, 422.
 */
static enum http_status
megaevents_image_move(struct req *r, json_t *m)
{
	req_only(r, F(ME_DIRECTION));
	req_require(r, ME_DIRECTION, -1);
	return image_change(r, m, image_move_tx, false);
}

/*
 * POST /megaevents/{id}/images/{image_id}/delete (page) and DELETE
 * /api/v1/megaevents/{id}/images/{image_id}: the organiser and admins.
 * 204; 403, 404.
 */
static enum http_status
megaevents_image_delete(struct req *r, json_t *m)
{
	req_only(r, 0);
	return image_change(r, m, image_delete_tx, true);
}

static const struct route routes[] = {
	{ M_GET, "/megaevents", megaevents_list, ROLE_ANY, "megaevents/list" },
	{ M_POST, "/megaevents", megaevents_create, ROLE_ONG,
	    "megaevents/form" },
	{ M_GET, "/megaevents/new", megaevents_new, ROLE_ONG,
	    "megaevents/form" },
	{ M_GET, "/megaevents/{id}", megaevents_show, ROLE_ANY,
	    "megaevents/show" },
	{ M_POST | M_PATCH, "/megaevents/{id}", megaevents_update, ROLE_ONG,
	    "megaevents/form" },
	{ M_DELETE, "/megaevents/{id}", megaevents_delete, ROLE_ONG, NULL },
	{ M_GET, "/megaevents/{id}/edit", megaevents_edit, ROLE_ONG,
	    "megaevents/form" },
	{ M_POST, "/megaevents/{id}/delete", megaevents_delete, ROLE_ONG,
	    NULL },
	{ M_POST, "/megaevents/{id}/join", megaevents_join, ROLE_USER, NULL },
	{ M_DELETE, "/megaevents/{id}/join", megaevents_leave, ROLE_USER,
	    NULL },
	{ M_POST, "/megaevents/{id}/leave", megaevents_leave, ROLE_USER,
	    NULL },
	{ M_POST, "/megaevents/{id}/events", megaevents_attach, ROLE_ONG,
	    "megaevents/show" },
	{ M_DELETE, "/megaevents/{id}/events/{event_id}", megaevents_detach,
	    ROLE_ONG, NULL },
	{ M_POST, "/megaevents/{id}/events/{event_id}/remove",
	    megaevents_detach, ROLE_ONG, NULL },
	{ M_GET, "/megaevents/{id}/images", megaevents_images, ROLE_ANY,
	    "megaevents/show" },
	{ M_POST | M_PATCH, "/megaevents/{id}/images/{image_id}",
	    megaevents_image_update, ROLE_ONG, "megaevents/show" },
	{ M_DELETE, "/megaevents/{id}/images/{image_id}",
	    megaevents_image_delete, ROLE_ONG, NULL },
	{ M_POST, "/megaevents/{id}/images/{image_id}/move",
	    megaevents_image_move, ROLE_ONG, "megaevents/show" },
	{ M_POST, "/megaevents/{id}/images/{image_id}/delete",
	    megaevents_image_delete, ROLE_ONG, NULL },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app megaevents = {
	"megaevents", routes, fields, ME__MAX, stmts, STMT__MAX, NULL,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &megaevents);
}
