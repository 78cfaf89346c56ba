/*
 * events: the Events app's social events.  Owns events, event_sponsors and
 * event_reactions; reads the catalog tables (event_types, cities, places,
 * participation_states), users and organizations for names, and
 * participations (owned by the participations program) for the viewer's
 * own enrolment, the calendar feed and the organiser's CSV.
 *
 *   GET  /events?q=&type_id=&city_id=&from=&to=&status=&organizer_id=
 *        &has_places=&sort=&page=          search; 20 a page
 *   GET  /events/new                        the form (NGOs)
 *   POST /events                            create (a draft, unless
 *                                           status=published)
 *   GET  /events/{id}                       detail
 *   GET  /events/{id}/edit                  the form again
 *   POST /events/{id}, PATCH /api/v1/events/{id}      change it
 *   POST /events/{id}/delete, DELETE /api/v1/events/{id}  drafts only
 *   POST /events/{id}/publish|finish|cancel state changes
 *   GET  /events/{id}/sponsors              sponsorships
 *   POST /events/{id}/sponsors              a company asks; the NGO invites
 *   POST /events/{id}/sponsors/{company_id}/accept|decline
 *   POST /events/{id}/reaction              like
 *   POST /events/{id}/reaction/delete, DELETE /api/v1/events/{id}/reaction
 *   GET  /events/{id}/participants.csv      the organiser's spreadsheet
 *   GET  /events/{id}.ics                   one event for a calendar
 *   GET  /events/feed/{user_id}/{token}.ics a person's enrolments, by a
 *                                           private signed address
 *   GET  /api/v1/events/feed                my calendar's address
 *   POST /events/feed                       a new address; the old one
 *                                           stops working
 *
 * The seed's POST /api/eventos reaches POST /api/v1/events through nginx.
 * Lists answer {items, next} where next is the following page number.
 *
 * Times are stored in UTC.  Pages show and take them in the time zone of
 * the event's city (cities.timezone): the form's datetime-local values
 * are that city's wall-clock time.  The API keeps UTC both ways (a time
 * without a zone is UTC, as the mobile app has always sent it), and so
 * do the calendar files.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <utf8proc.h>

#include "app.h"
#include "buf.h"
#include "cfg.h"
#include "form.h"
#include "i18n.h"
#include "log.h"
#include "memo.h"
#include "once.h"
#include "outbox.h"
#include "participation.h"
#include "req.h"
#include "resp.h"
#include "sess.h"
#include "tz.h"
#include "versions.h"

#define PAGE_SIZE	20
#define FEED_MAX	500		/* events in one calendar feed */
#define YEARS_AHEAD	10		/* how far ahead an event may be */
#define Q_WORDS		8		/* search words kept */
#define ICS_FOLD	75		/* octets a calendar line may hold */

enum ev_field {
	EV_TITLE, EV_DESCRIPTION, EV_TYPE, EV_CITY, EV_PLACE, EV_STARTS,
	EV_ENDS, EV_CAPACITY, EV_APPROVAL, EV_STATUS, EV_Q, EV_FROM, EV_TO,
	EV_ORGANIZER, EV_HAS_PLACES, EV_SORT, EV_PAGE, EV_CURSOR, EV_COMPANY,
	EV_FORM_KEY, EV__MAX
};

static const char *const statuses[] = {
	"draft", "published", "finished", "cancelled", "all", NULL
};
static const char *const sorts[] = { "date", "relevance", NULL };

static const struct field fields[EV__MAX] = {
	{ "title", valid_line, 1, 200, NULL },		/* EV_TITLE */
	{ "description", valid_text, 1, 5000, NULL }, /* EV_DESCRIPTION */
	{ "type_id", valid_id, 0, 0, NULL },		/* EV_TYPE */
	{ "city_id", valid_id, 0, 0, NULL },		/* EV_CITY */
	{ "place_id", valid_id, 0, 0, NULL },		/* EV_PLACE */
	{ "starts_at", valid_datetime, 0, 0, NULL },	/* EV_STARTS */
	{ "ends_at", valid_datetime, 0, 0, NULL },	/* EV_ENDS */
	{ "capacity", valid_int, 0, 100000, NULL },	/* EV_CAPACITY */
	{ "requires_approval", valid_bool, 0, 0, NULL }, /* EV_APPROVAL */
	{ "status", valid_enum, 0, 0, statuses },	/* EV_STATUS */
	{ "q", valid_line, 0, 200, NULL },		/* EV_Q */
	{ "from", valid_date, 0, 0, NULL },		/* EV_FROM */
	{ "to", valid_date, 0, 0, NULL },		/* EV_TO */
	{ "organizer_id", valid_id, 0, 0, NULL },	/* EV_ORGANIZER */
	{ "has_places", valid_bool, 0, 0, NULL },	/* EV_HAS_PLACES */
	{ "sort", valid_enum, 0, 0, sorts },		/* EV_SORT */
	{ "page", valid_int, 1, 100000, NULL },		/* EV_PAGE */
	{ "cursor", valid_line, 0, 64, NULL },		/* EV_CURSOR */
	{ "company_id", valid_id, 0, 0, NULL },		/* EV_COMPANY */
	{ ONCE_FIELD, valid_line, 0, 64, NULL },	/* EV_FORM_KEY */
};

enum ev_stmt {
	STMT_TYPES_CITIES,
	STMT_PLACES,
	STMT_TYPE_GET,
	STMT_CITY_GET,
	STMT_PLACE_GET,
	STMT_EVENT_INSERT,
	STMT_EVENT_SHOW,
	STMT_EVENT_PAGE,
	STMT_ZONES,
	STMT_EVENT_LOCK,
	STMT_EVENT_OWNED,
	STMT_EVENT_PEEK,
	STMT_EVENT_VISIBLE_LOCK,
	STMT_EVENT_UPDATE,
	STMT_EVENT_STATUS,
	STMT_EVENT_DELETE,
	STMT_SPONSORS_ALL,
	STMT_SPONSOR_GET,
	STMT_SPONSOR_INSERT,
	STMT_SPONSOR_RENEW,
	STMT_SPONSOR_DECIDE,
	STMT_COMPANY_GET,
	STMT_COMPANIES,
	STMT_REACTION_ADD,
	STMT_REACTION_DELETE,
	STMT_REACTIONS_MOVE,
	STMT_REACTIONS_COUNT,
	STMT_USER_LIVE,
	STMT_FEED,
	STMT_FEED_GENERATION,
	STMT_FEED_RENEW,
	STMT_PARTICIPANTS,
	STMT_PAGES_VERSION,
	STMT_EVENTS_BY_IDS,
	STMT__MAX
};

/* The columns of an event as the detail, the ICS and the API show it. */
#define EVENT_COLUMNS \
	"e.id, e.organizer_id, COALESCE(o.name, u.name) AS organizer_name, " \
	"e.title, e.type_id, t.name AS type_name, t.name_en AS type_name_en, " \
	"e.city_id, c.name AS city_name, c.name_en AS city_name_en, " \
	"e.place_id, p.name AS place_name, p.name_en AS place_name_en, " \
	"p.address AS place_address, c.timezone, e.starts_at, e.ends_at, " \
	"e.capacity, e.requires_approval, e.status, e.approved_count, " \
	"e.reactions_count, " \
	"e.starts_at > UTC_TIMESTAMP() AS upcoming "
#define EVENT_JOINS \
	"FROM events e " EVENT_JOINED
#define EVENT_JOINED \
	"JOIN users u ON u.id = e.organizer_id " \
	"LEFT JOIN organizations o ON o.user_id = e.organizer_id " \
	"JOIN event_types t ON t.id = e.type_id " \
	"JOIN cities c ON c.id = e.city_id " \
	"LEFT JOIN places p ON p.id = e.place_id "
/* Drafts are their organiser's (and the admins') alone. */
#define EVENT_VISIBLE \
	"(e.status <> 'draft' OR e.organizer_id = ? OR ? = 1)"

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_TYPES_CITIES: both pick lists of the filters and the form in
	 * one round trip, retired entries left out but the chosen type and
	 * city (an event keeps the ones it had) */
	{ "SELECT 'types' AS list, id, name, name_en, position "
	  "FROM event_types WHERE retired_at IS NULL OR id = ? UNION ALL "
	  "SELECT 'cities', id, name, name_en, position FROM cities "
	  "WHERE retired_at IS NULL OR id = ? ORDER BY list, position, name",
	  NULL, 0 },
	/* STMT_PLACES: the same, with the chosen place */
	{ "SELECT p.id, p.city_id, p.name, p.name_en, c.name AS city_name, "
	  "c.name_en AS city_name_en FROM places p JOIN cities c ON "
	  "c.id = p.city_id WHERE (p.retired_at IS NULL AND "
	  "c.retired_at IS NULL) OR p.id = ? "
	  "ORDER BY c.position, c.name, p.position, p.name", NULL, 0 },
	/* STMT_TYPE_GET */
	{ "SELECT id, retired_at IS NOT NULL AS retired FROM event_types "
	  "WHERE id = ?", NULL, 0 },
	/* STMT_CITY_GET */
	{ "SELECT id, retired_at IS NOT NULL AS retired, timezone FROM cities "
	  "WHERE id = ?", NULL, 0 },
	/* STMT_PLACE_GET */
	{ "SELECT id, city_id, retired_at IS NOT NULL AS retired FROM places "
	  "WHERE id = ?", NULL, 0 },
	/* STMT_EVENT_INSERT */
	{ "INSERT INTO events (organizer_id, title, description, type_id, "
	  "city_id, place_id, starts_at, ends_at, capacity, requires_approval, "
	  "status, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	  "IF(? = 'published', UTC_TIMESTAMP(), NULL))", NULL, 0 },
	/* STMT_EVENT_SHOW: id, viewer, is_admin */
	{ "SELECT " EVENT_COLUMNS ", e.description, e.pending_count, "
	  "e.waitlist_count, e.megaevent_id, e.created_at, e.updated_at, "
	  "e.published_at, e.cover_file_id " EVENT_JOINS "WHERE e.id = ? AND "
	  EVENT_VISIBLE,
	  NULL, 0 },
	/* STMT_EVENT_PAGE: the same with what the detail shows beside it, in
	 * one round trip: accepted sponsors, the viewer's reaction and
	 * enrolment, and the mega event when the viewer may see it.
	 * viewer, viewer, viewer, is_admin, id, viewer, is_admin */
	{ "SELECT " EVENT_COLUMNS ", e.description, e.pending_count, "
	  "e.waitlist_count, e.megaevent_id, e.created_at, e.updated_at, "
	  "e.published_at, e.cover_file_id, "
	  "(SELECT JSON_ARRAYAGG(JSON_OBJECT('id', su.id, 'name', "
	  "COALESCE(so.name, su.name)) ORDER BY s.decided_at, su.id) "
	  "FROM event_sponsors s JOIN users su ON su.id = s.company_id "
	  "LEFT JOIN organizations so ON so.user_id = s.company_id "
	  "WHERE s.event_id = e.id AND s.status = 'accepted') AS sponsors, "
	  "EXISTS (SELECT 1 FROM event_reactions er WHERE er.event_id = e.id "
	  "AND er.user_id = ?) AS reacted, "
	  "(SELECT JSON_OBJECT('id', pa.id, 'status', pa.status) FROM "
	  "participations pa WHERE pa.event_id = e.id AND pa.user_id = ?) "
	  "AS participation, "
	  "(SELECT JSON_OBJECT('id', me.id, 'title', me.title) FROM "
	  "megaevents me WHERE me.id = e.megaevent_id AND (me.is_public = 1 "
	  "OR me.organizer_id = ? OR ? = 1)) AS megaevent "
	  EVENT_JOINS "WHERE e.id = ? AND " EVENT_VISIBLE,
	  NULL, 0 },
	/* STMT_ZONES: every city's zone, retired or not, for the list's
	 * days; the zones in use are few, so grouped they come together */
	{ "SELECT id, timezone FROM cities ORDER BY timezone", NULL, 0 },
	/* STMT_EVENT_LOCK: an event the caller may change, locked */
	{ "SELECT id, organizer_id, status, title, description, type_id, "
	  "city_id, place_id, starts_at, ends_at, capacity, requires_approval, "
	  "approved_count FROM events WHERE id = ? AND (organizer_id = ? OR "
	  "? = 1) FOR UPDATE", NULL, 0 },
	/* STMT_EVENT_OWNED: the same, for showing the form, with the zone
	 * its times are shown in */
	{ "SELECT e.id, e.organizer_id, e.status, e.title, e.description, "
	  "e.type_id, e.city_id, e.place_id, e.starts_at, e.ends_at, "
	  "e.capacity, e.requires_approval, e.approved_count, c.timezone "
	  "FROM events e JOIN cities c ON c.id = e.city_id WHERE e.id = ? AND "
	  "(e.organizer_id = ? OR ? = 1)", NULL, 0 },
	/* STMT_EVENT_PEEK: whether a refusal is a 404 or a 403 */
	{ "SELECT status FROM events WHERE id = ?", NULL, 0 },
	/* STMT_EVENT_VISIBLE_LOCK: id, viewer, is_admin */
	{ "SELECT e.id, e.organizer_id, e.status, e.title, e.reactions_count "
	  "FROM events e WHERE e.id = ? AND " EVENT_VISIBLE " FOR UPDATE",
	  NULL, 0 },
	/* STMT_EVENT_UPDATE */
	{ "UPDATE events SET title = ?, description = ?, type_id = ?, "
	  "city_id = ?, place_id = ?, starts_at = ?, ends_at = ?, "
	  "capacity = ?, requires_approval = ? WHERE id = ? AND "
	  "(organizer_id = ? OR ? = 1)", NULL, 0 },
	/* STMT_EVENT_STATUS: to, to, id, from */
	{ "UPDATE events SET status = ?, published_at = IF(? = 'published', "
	  "UTC_TIMESTAMP(), published_at) WHERE id = ? AND status = ?",
	  NULL, 0 },
	/* STMT_EVENT_DELETE */
	{ "DELETE FROM events WHERE id = ? AND status = 'draft' AND "
	  "(organizer_id = ? OR ? = 1)", NULL, 0 },
	/* STMT_SPONSORS_ALL: everything for the organiser; for anyone
	 * else the accepted ones and their own (event, viewer, is_owner) */
	{ "SELECT s.company_id, COALESCE(o.name, u.name) AS name, s.status, "
	  "s.created_at, s.decided_at FROM event_sponsors s JOIN users u ON "
	  "u.id = s.company_id LEFT JOIN organizations o ON o.user_id = "
	  "s.company_id WHERE s.event_id = ? AND (s.status = 'accepted' OR "
	  "s.company_id = ? OR ? = 1) ORDER BY s.created_at, s.company_id",
	  NULL, 0 },
	/* STMT_SPONSOR_GET */
	{ "SELECT status FROM event_sponsors WHERE event_id = ? AND "
	  "company_id = ? FOR UPDATE", NULL, 0 },
	/* STMT_SPONSOR_INSERT */
	{ "INSERT INTO event_sponsors (event_id, company_id, status) "
	  "VALUES (?, ?, ?)", NULL, 0 },
	/* STMT_SPONSOR_RENEW: a declined sponsorship asked for again */
	{ "UPDATE event_sponsors SET status = ?, created_at = UTC_TIMESTAMP(), "
	  "decided_at = NULL WHERE event_id = ? AND company_id = ? AND "
	  "status = 'declined'", NULL, 0 },
	/* STMT_SPONSOR_DECIDE: to, event, company, from */
	{ "UPDATE event_sponsors SET status = ?, decided_at = UTC_TIMESTAMP() "
	  "WHERE event_id = ? AND company_id = ? AND status = ?", NULL, 0 },
	/* STMT_COMPANY_GET */
	{ "SELECT u.id, COALESCE(o.name, u.name) AS name FROM users u "
	  "LEFT JOIN organizations o ON o.user_id = u.id WHERE u.id = ? AND "
	  "u.role = 'empresa' AND u.deleted_at IS NULL AND u.disabled = 0",
	  NULL, 0 },
	/* STMT_COMPANIES: whom an NGO may invite to an event: none with a
	 * sponsorship of it open or accepted */
	{ "SELECT u.id, COALESCE(o.name, u.name) AS name FROM users u "
	  "LEFT JOIN organizations o ON o.user_id = u.id WHERE "
	  "u.role = 'empresa' AND "
	  "u.deleted_at IS NULL AND u.disabled = 0 AND NOT EXISTS (SELECT 1 "
	  "FROM event_sponsors s WHERE s.event_id = ? AND s.company_id = u.id "
	  "AND s.status <> 'declined') ORDER BY name, u.id LIMIT 500",
	  NULL, 0 },
	/* STMT_REACTION_ADD: a second like changes nothing */
	{ "INSERT IGNORE INTO event_reactions (event_id, user_id) "
	  "VALUES (?, ?)", NULL, 0 },
	/* STMT_REACTION_DELETE */
	{ "DELETE FROM event_reactions WHERE event_id = ? AND user_id = ?",
	  NULL, 0 },
	/* STMT_REACTIONS_MOVE: +1 or -1, never below zero */
	{ "UPDATE events SET reactions_count = reactions_count + ? WHERE "
	  "id = ? AND reactions_count + ? >= 0", NULL, 0 },
	/* STMT_REACTIONS_COUNT */
	{ "SELECT reactions_count FROM events WHERE id = ?", NULL, 0 },
	/* STMT_USER_LIVE */
	{ "SELECT id FROM users WHERE id = ? AND deleted_at IS NULL AND "
	  "disabled = 0", NULL, 0 },
	/* STMT_FEED: what a person is enrolled in, newest first */
	{ "SELECT e.id, e.title, e.description, e.starts_at, e.ends_at, "
	  "e.status, e.updated_at, pa.status AS participation, p.name AS "
	  "place_name, p.name_en AS place_name_en, p.address AS "
	  "place_address, c.name AS city_name, "
	  "c.name_en AS city_name_en FROM participations pa JOIN events e ON "
	  "e.id = pa.event_id JOIN cities c ON c.id = e.city_id LEFT JOIN "
	  "places p ON p.id = e.place_id WHERE pa.user_id = ? AND pa.status IN "
	  "('pending', 'approved', 'waitlisted') AND e.status <> 'draft' "
	  "ORDER BY e.starts_at DESC, e.id DESC LIMIT ?", NULL, 0 },
	/* STMT_FEED_GENERATION: none is 0 */
	{ "SELECT generation FROM calendar_feeds WHERE user_id = ?", NULL, 0 },
	/* STMT_FEED_RENEW */
	{ "INSERT INTO calendar_feeds (user_id, generation) VALUES (?, 1) "
	  "ON DUPLICATE KEY UPDATE generation = generation + 1", NULL, 0 },
	/* STMT_PARTICIPANTS */
	{ "SELECT u.name, u.email, pa.status, pa.created_at FROM "
	  "participations pa JOIN users u ON u.id = pa.user_id "
	  "WHERE pa.event_id = ? ORDER BY pa.created_at, pa.id", NULL, 0 },
	/* STMT_PAGES_VERSION: the version of everything lists and pages of
	 * events show, and of which events lists find
	 * (sql/016_event_pages_version.sql, 017_event_matches_version.sql) */
	{ "SELECT (SELECT CAST(SUM(n) AS SIGNED) FROM event_pages_version) "
	  "AS pages, (SELECT CAST(SUM(n) AS SIGNED) FROM "
	  "event_matches_version) AS matches", NULL, 0 },
	/* STMT_EVENTS_BY_IDS: a page of events by their kept ids, a JSON
	 * array, in its order */
	{ "SELECT STRAIGHT_JOIN " EVENT_COLUMNS ", LEFT(e.description, 240) "
	  "AS excerpt FROM JSON_TABLE(?, '$[*]' COLUMNS (i FOR ORDINALITY, "
	  "id BIGINT UNSIGNED PATH '$')) pick JOIN events e ON e.id = pick.id "
	  EVENT_JOINED "ORDER BY pick.i", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* --- small helpers ------------------------------------------------------ */

static bool
is_admin(const struct req *r)
{
	return r->user.role == ROLE_ADMIN;
}

static json_int_t
jint(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);

	if (json_is_true(v))
		return 1;
	return json_is_integer(v) ? json_integer_value(v) : 0;
}

static const char *
jstr(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL ? s : "";
}

/* Replaces o[key] with o[key_en] in English when that is set, and drops
 * key_en: the catalog tables hold both names. */
static void
localize(struct req *r, json_t *o, const char *key)
{
	const char	*en_key = arena_printf(r->arena, "%s_en", key);
	const char	*en = json_string_value(json_object_get(o, en_key));

	if (strcmp(r->lang, "en") == 0 && en != NULL && *en != '\0')
		json_object_set_new(o, key, json_string(en));
	json_object_del(o, en_key);
}

/* "2030-01-01T10:00:00Z" as "2030-01-01 10:00" for people. */
static const char *
when_label(struct req *r, const char *iso)
{
	if (strlen(iso) < 16)
		return iso;
	return arena_printf(r->arena, "%.10s %.5s", iso, iso + 11);
}

/*
 * A stored UTC time as the wall-clock time of zone, "YYYY-MM-DD HH:MM:SS",
 * for the form.  NULL when it cannot be converted: the catalog only takes
 * zones the database knows, so that means the server's zone files went
 * missing, which is logged.
 */
static const char *
utc_to_wall(struct req *r, const char *zone, const char *iso)
{
	char	 local[TZ_TIME_LEN];

	if (tz_from_utc(zone, iso, local, NULL) != TZ_OK) {
		log_warnx("cannot show %s in zone \"%s\"", iso, zone);
		return NULL;
	}
	return arena_strdup(r->arena, local);
}

/*
 * Sets <which>_label ("2030-01-01 18:00") and, for pages, <which>_zone
 * ("CET") from <which>_at, which is "starts" or "ends".  Pages read the
 * time of the event's city; the API's label stays the UTC one it has
 * always been.  A time that cannot be converted is shown in UTC, and
 * says so.
 */
static void
wall_label(struct req *r, json_t *e, const char *which)
{
	const char	*iso;
	char		 when[TZ_WHEN_LEN], abbr[TZ_ABBR_MAX];

	iso = jstr(e, arena_printf(r->arena, "%s_at", which));
	if (r->api) {
		json_object_set_new(e, arena_printf(r->arena, "%s_label",
		    which), json_string(when_label(r, iso)));
		return;
	}
	tz_wall(jstr(e, "timezone"), iso, when, abbr);
	json_object_set_new(e, arena_printf(r->arena, "%s_label", which),
	    json_string(when));
	json_object_set_new(e, arena_printf(r->arena, "%s_zone", which),
	    json_string(abbr));
}

/* An ISO 8601 UTC string from the database as MariaDB's DATETIME. */
static void
iso_to_sql(const char *iso, char out[20])
{
	snprintf(out, 20, "%.10s %.8s", iso, strlen(iso) >= 19 ? iso + 11 :
	    "00:00:00");
}

/* Now, and years ahead of it, as a MariaDB DATETIME (UTC). */
static void
now_sql(char out[20], int years)
{
	time_t		 t = time(NULL);
	struct tm	 tm;

	gmtime_r(&t, &tm);
	tm.tm_year += years;
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Whether a MariaDB DATETIME (UTC) has come. */
static bool
has_come(const char *sql)
{
	char	 now[20];

	now_sql(now, 0);
	return strcmp(sql, now) <= 0;
}

/* Whether an event row's start has come. */
static bool
has_started(const json_t *e)
{
	char	 start[20];

	iso_to_sql(jstr(e, "starts_at"), start);
	return has_come(start);
}

static const char *
status_name(struct req *r, const char *status)
{
	return i18n_get(r->lang, arena_printf(r->arena, "events.status.%s",
	    status));
}

/* The value a parameter of the matched route holds, NUL-terminated. */
static const char *
route_word(struct req *r, size_t i)
{
	if (i >= r->match.nparams)
		return "";
	return arena_strndup(r->arena, r->match.params[i].value,
	    r->match.params[i].len);
}

/*
 * Adds what people and templates need beside the stored columns of an
 * event: localized names, the organiser as an object, places left,
 * state booleans and readable dates.
 */
static void
event_decorate(struct req *r, json_t *e)
{
	const char	*st = jstr(e, "status");
	json_int_t	 cap = jint(e, "capacity");
	json_int_t	 left = cap - jint(e, "approved_count");

	localize(r, e, "type_name");
	localize(r, e, "city_name");
	localize(r, e, "place_name");
	json_object_set_new(e, "organizer", json_pack("{s:O, s:O}", "id",
	    json_object_get(e, "organizer_id"), "name",
	    json_object_get(e, "organizer_name")));
	json_object_del(e, "organizer_name");
	json_object_set_new(e, "places_left", cap == 0 ? json_null() :
	    json_integer(left > 0 ? left : 0));
	json_object_set_new(e, "unlimited", json_boolean(cap == 0));
	json_object_set_new(e, "is_full", json_boolean(cap != 0 && left <= 0));
	json_object_set_new(e, "upcoming", json_boolean(jint(e, "upcoming")));
	json_object_set_new(e, "is_draft", json_boolean(strcmp(st, "draft") ==
	    0));
	json_object_set_new(e, "is_published", json_boolean(strcmp(st,
	    "published") == 0));
	json_object_set_new(e, "is_open", json_boolean(strcmp(st,
	    "published") == 0 && json_is_true(json_object_get(e, "upcoming"))));
	json_object_set_new(e, "is_finished", json_boolean(strcmp(st,
	    "finished") == 0));
	json_object_set_new(e, "is_cancelled", json_boolean(strcmp(st,
	    "cancelled") == 0));
	json_object_set_new(e, "status_name", json_string(status_name(r, st)));
	json_object_set_new(e, "one_like", json_boolean(jint(e,
	    "reactions_count") == 1));
	wall_label(r, e, "starts");
	wall_label(r, e, "ends");
}

/* Localizes the names of a catalog pick list and marks the chosen id. */
static void
mark_list(struct req *r, json_t *rows, long long chosen, const char *also)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row) {
		localize(r, row, "name");
		if (also != NULL)
			localize(r, row, also);
		json_object_set_new(row, "selected", json_boolean(chosen != 0 &&
		    jint(row, "id") == chosen));
	}
}

/* A typed value as an id for re-marking a pick list; 0 when not one. */
static long long
typed_id(const struct req *r, size_t f)
{
	int64_t	 id;

	if (r->values[f] == NULL || !valid_parse_id(r->values[f], &id))
		return 0;
	return id;
}

/*
 * Why a change to an event the caller could not lock is refused: 404
 * when it does not exist or is somebody else's draft, 403 when it is
 * public but not theirs.
 */
static enum http_status
refusal(int64_t id)
{
	json_t		*row = NULL;
	enum db_status	 rc;
	enum http_status st;

	rc = db_query_one(&stmts[STMT_EVENT_PEEK], P(DB_INT(id)), &row);
	if (rc == DB_NOTFOUND)
		return HTTP_NOT_FOUND;
	if (rc != DB_OK)
		return app_db_status(rc);
	st = strcmp(jstr(row, "status"), "draft") == 0 ? HTTP_NOT_FOUND :
	    HTTP_FORBIDDEN;
	json_decref(row);
	return st;
}

/* --- kept answers -------------------------------------------------------- */

/*
 * Lists and pages of events are read far more often than events change,
 * so each worker keeps what it drew (lib/memo.h) under the version of
 * everything they show, which triggers move with every change
 * (sql/016_event_pages_version.sql).  Only what is the same for every
 * viewer is kept: a list of published, finished or cancelled events
 * (drafts are their owner's), and an event's page as someone signed out
 * sees it.  The version comes from the reading the site's programs
 * share (lib/versions.h).
 */
static int
read_versions(void *arg, int64_t v[VERSIONS_N])
{
	json_t		*row = NULL;
	enum db_status	 rc;

	(void)arg;
	rc = db_query_one(&stmts[STMT_PAGES_VERSION], DB_NOPARAMS, &row);
	if (rc == DB_OK) {
		v[0] = jint(row, "pages");
		v[1] = jint(row, "matches");
	}
	json_decref(row);
	return (int)rc;
}

static enum db_status
pages_version(int64_t *pages, int64_t *matches)
{
	int64_t	 v[VERSIONS_N];
	int	 rc;

	if ((rc = versions_get("events", v, read_versions, NULL)) != DB_OK)
		return (enum db_status)rc;
	*pages = v[0];
	if (matches != NULL)
		*matches = v[1];
	return DB_OK;
}

/* "2031-02-10T17:00:00Z" as a time; 0 when it is not one. */
static time_t
utc_time(const char *iso)
{
	struct tm	 tm = { 0 };

	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

/* When an answer showing event e stops being right without any change:
 * when e starts, if it has not yet (its "upcoming" turns false); else 0,
 * never.  until is the soonest of those seen so far, 0 for none. */
static time_t
until_start(const json_t *e, time_t until)
{
	time_t	 t;

	if (!json_is_true(json_object_get(e, "upcoming")) ||
	    (t = utc_time(jstr(e, "starts_at"))) == 0)
		return until;
	return until == 0 || t < until ? t : until;
}

/* --- reading ------------------------------------------------------------ */

/* The event as its viewer may see it, decorated, into *out. */
static enum db_status
event_get(struct req *r, int64_t id, json_t **out)
{
	enum db_status	 rc;

	rc = db_query_one(&stmts[STMT_EVENT_SHOW], P(DB_INT(id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), out);
	if (rc == DB_OK)
		event_decorate(r, *out);
	return rc;
}

/* What the viewer may do with the event, as booleans for the page. */
static void
event_actions(struct req *r, json_t *e, const json_t *part)
{
	bool		 owner, draft, published, active;
	const char	*ps = part != NULL ? jstr(part, "status") : "";
	int64_t		 id = jint(e, "id");

	owner = r->user.id != 0 && (jint(e, "organizer_id") == r->user.id ||
	    is_admin(r));
	draft = json_is_true(json_object_get(e, "is_draft"));
	published = json_is_true(json_object_get(e, "is_published"));
	active = strcmp(ps, "pending") == 0 || strcmp(ps, "approved") == 0 ||
	    strcmp(ps, "waitlisted") == 0;

	json_object_set_new(e, "is_owner", json_boolean(owner));
	json_object_set_new(e, "can_edit", json_boolean(owner && (draft ||
	    published)));
	json_object_set_new(e, "can_publish", json_boolean(owner && draft));
	json_object_set_new(e, "can_finish", json_boolean(owner && published &&
	    !json_is_true(json_object_get(e, "upcoming"))));
	json_object_set_new(e, "can_cancel", json_boolean(owner && published));
	json_object_set_new(e, "can_delete", json_boolean(owner && draft));
	json_object_set_new(e, "can_enroll", json_boolean(r->user.id != 0 &&
	    !owner && published && json_is_true(json_object_get(e,
	    "upcoming")) && (part == NULL || strcmp(ps, "cancelled") == 0)));
	json_object_set_new(e, "can_leave", json_boolean(active &&
	    json_is_true(json_object_get(e, "upcoming"))));
	json_object_set_new(e, "can_react", json_boolean(r->user.id != 0));
	json_object_set_new(e, "can_sponsor", json_boolean(
	    r->user.role == ROLE_EMPRESA && published));
	json_object_set_new(e, "urls", json_pack("{s:s, s:s, s:s, s:s, s:s}",
	    "edit", arena_printf(r->arena, "/events/%lld/edit", (long long)id),
	    "ics", arena_printf(r->arena, "/events/%lld.ics", (long long)id),
	    "participants", arena_printf(r->arena,
	    "/participations?event_id=%lld", (long long)id),
	    "csv", arena_printf(r->arena, "/events/%lld/participants.csv",
	    (long long)id),
	    "sponsors", arena_printf(r->arena, "/events/%lld/sponsors",
	    (long long)id)));
}

/* A JSON text column of STMT_EVENT_PAGE as JSON (null when empty). */
static json_t *
json_column(json_t *e, const char *key)
{
	const char	*text = jstr(e, key);
	json_t		*v;

	if (*text == '\0' || (v = json_loads(text, 0, NULL)) == NULL)
		return json_null();
	return v;
}

/* Completes a decorated STMT_EVENT_PAGE row: sponsors, reaction,
 * enrolment and mega event as the page and the app read them, the
 * viewer's own sponsorship and what the viewer may do. */
static enum db_status
event_extras(struct req *r, json_t *e)
{
	json_t		*rows, *row = NULL, *part, *mega, *names;
	enum db_status	 rc;
	int64_t		 id = jint(e, "id");

	mega = json_column(e, "megaevent");
	json_object_set_new(e, "megaevent", json_is_object(mega) ?
	    json_incref(mega) : json_null());
	/* A private one's id is not the viewer's either. */
	if (!json_is_object(mega))
		json_object_set_new(e, "megaevent_id", json_null());
	json_decref(mega);

	rows = json_column(e, "sponsors");
	if (!json_is_array(rows)) {
		json_decref(rows);
		rows = json_array();
	}
	json_object_set_new(e, "has_sponsors", json_boolean(
	    json_array_size(rows) > 0));
	json_object_set_new(e, "sponsors", rows);
	json_object_set_new(e, "reacted", json_boolean(r->user.id != 0 &&
	    jint(e, "reacted") != 0));
	part = json_column(e, "participation");
	if (r->user.id == 0 || !json_is_object(part)) {
		json_decref(part);
		part = NULL;
	} else {
		names = r->api ? NULL : participation_state_names();
		json_object_set_new(part, "status_name", json_string(
		    participation_state_word(r, names, "events.participation",
		    jstr(part, "status"))));
		json_decref(names);
	}
	/* e owns part from here; event_actions reads it below. */
	json_object_set_new(e, "participation", part != NULL ? part :
	    json_null());
	json_object_set_new(e, "my_sponsorship", json_null());
	if (r->user.role == ROLE_EMPRESA) {
		row = NULL;
		rc = db_query_one(&stmts[STMT_SPONSOR_GET], P(DB_INT(id),
		    DB_INT(r->user.id)), &row);
		if (rc != DB_OK && rc != DB_NOTFOUND)
			return rc;
		if (row != NULL) {
			const char *s = jstr(row, "status");

			json_object_set_new(row, "status_name", json_string(
			    i18n_get(r->lang, arena_printf(r->arena,
			    "events.sponsor_status.%s", s))));
			json_object_set_new(row, "is_invited", json_boolean(
			    strcmp(s, "invited") == 0));
			json_object_set_new(row, "can_ask_again", json_boolean(
			    strcmp(s, "declined") == 0));
			json_object_set_new(e, "my_sponsorship", row);
		}
	}
	event_actions(r, e, part);
	if (json_object_get(e, "my_sponsorship") != json_null() &&
	    !json_is_true(json_object_get(json_object_get(e,
	    "my_sponsorship"), "can_ask_again")))
		json_object_set_new(e, "can_sponsor", json_false());
	return DB_OK;
}

/*
 * GET /events/{id}: anyone.  The event with its type, city and place
 * names (English ones under lang=en), organiser, accepted sponsors,
 * reactions, places left and the viewer's own enrolment; pages draw it
 * as detail_html.  404 for a draft that is not the viewer's.  What
 * someone signed out sees is the same for all of them, and kept.
 */
static enum http_status
events_show(struct req *r, json_t *m)
{
	json_t		*e = NULL, *html;
	const char	*key = NULL;
	enum db_status	 rc;
	int64_t		 version = 0;

	r->has_invalid = false;
	if (r->user.id == 0) {
		key = arena_printf(r->arena, "event|%s|%s|%lld", r->api ?
		    "api" : "page", r->lang, (long long)r->id);
		if ((rc = pages_version(&version, NULL)) != DB_OK)
			return app_db_status(rc);
		if ((e = memo_get(key, version)) != NULL) {
			if (r->api)
				return resp_json_text(r, json_string_value(e),
				    NULL, NULL);
			json_object_update(m, e);
			return HTTP_OK;
		}
	}
	rc = db_query_one(&stmts[STMT_EVENT_PAGE], P(DB_INT(r->user.id),
	    DB_INT(r->user.id), DB_INT(r->user.id), DB_INT(is_admin(r)),
	    DB_INT(r->id), DB_INT(r->user.id),
	    DB_INT(is_admin(r))), &e);
	if (rc != DB_OK)
		return app_db_status(rc);
	event_decorate(r, e);
	if ((rc = event_extras(r, e)) != DB_OK) {
		json_decref(e);
		return app_db_status(rc);
	}
	if (!r->api) {
		if ((html = resp_fragment(r, "events/detail", e)) == NULL) {
			json_decref(e);
			return HTTP_INTERNAL_ERROR;
		}
		json_object_set_new(e, "detail_html", html);
	}
	json_object_update(m, e);
	if (key != NULL)
		memo_put(key, version, until_start(e, 0), r->api ?
		    resp_json_of(e) : json_incref(e));
	json_decref(e);
	return HTTP_OK;
}

/* --- search ------------------------------------------------------------- */

/* InnoDB's default stop words: a required one would match nothing. */
static const char *const stopwords[] = {
	"a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en",
	"for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or",
	"that", "the", "this", "to", "was", "what", "when", "where", "who",
	"will", "with", "und", "www", NULL
};

static bool
is_stopword(const char *w, size_t len)
{
	size_t	 i;

	for (i = 0; stopwords[i] != NULL; i++)
		if (strlen(stopwords[i]) == len &&
		    strncasecmp(stopwords[i], w, len) == 0)
			return true;
	return false;
}

/* Characters (code points) in w. */
static size_t
word_chars(const char *w, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)w[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* InnoDB indexes no word shorter than innodb_ft_min_token_size (3, as
 * the stacks leave it): a required one would match nothing either. */
#define FT_MIN_CHARS	3

/* One term of a search: a word, or the words of a "phrase". */
struct term {
	struct buf	 words;		/* by spaces */
	int		 n;		/* of them in the index */
	int		 all;
	bool		 phrase, negate;
};

/* Adds a word to t.  A phrase keeps its short and stop words, since
 * InnoDB counts their places in it ("taller de pan" is not "taller pan");
 * n counts only the words the index holds. */
static void
term_word(struct term *t, const char *w, size_t len)
{
	bool	 indexed;

	if (len == 0)
		return;
	indexed = !is_stopword(w, len) && word_chars(w, len) >= FT_MIN_CHARS;
	if (!indexed && !t->phrase)
		return;
	if (t->words.len > 0)
		buf_putc(&t->words, ' ');
	buf_append(&t->words, w, len);
	t->n += indexed;
	t->all++;
}

/* Ends t into out as +word* (a prefix), -word, +"a phrase" or
 * -"a phrase"; a term with no word left adds nothing. */
static void
term_end(struct term *t, struct buf *out, int *nterms, bool *required)
{
	if (t->n > 0 && *nterms < Q_WORDS) {
		if (out->len > 0)
			buf_putc(out, ' ');
		buf_putc(out, t->negate ? '-' : '+');
		if (t->all > 1)
			buf_printf(out, "\"%s\"", buf_str(&t->words));
		else
			buf_puts(out, buf_str(&t->words));
		if (!t->negate && !t->phrase)
			buf_putc(out, '*');
		(*nterms)++;
		*required = *required || !t->negate;
	}
	buf_reset(&t->words);
	t->n = t->all = 0;
	t->phrase = t->negate = false;
}

static bool
is_word_char(utf8proc_int32_t cp)
{
	utf8proc_category_t cat = utf8proc_category(cp);

	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
	    cat == UTF8PROC_CATEGORY_MN;
}

/*
 * The person's words as a BOOLEAN MODE query, as search boxes read them:
 * each word required and matched as a prefix ("+taller* +barrio*"),
 * "a phrase" in quotes required as it stands, a word or phrase after a
 * leading "-" left out ("-pan").  Only letters and digits reach MariaDB;
 * everything else is a word break.  "" when nothing is required, since
 * FULLTEXT cannot list what merely lacks a word.
 */
static const char *
fulltext_query(struct req *r, const char *q)
{
	struct buf	 out, word;
	struct term	 t = { .n = 0 };
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)q;
	int		 nterms = 0;
	bool		 in_phrase = false, minus = false, required = false;
	const char	*res;

	buf_init(&out);
	buf_init(&word);
	buf_init(&t.words);
	while (*s != '\0' && (n = utf8proc_iterate(s, -1, &cp)) > 0) {
		if (is_word_char(cp)) {
			if (word.len == 0 && !in_phrase) {
				t.negate = minus;
				minus = false;
			}
			buf_append(&word, (const char *)s, (size_t)n);
			s += n;
			continue;
		}
		term_word(&t, buf_str(&word), word.len);
		if (cp == '"' && in_phrase) {
			term_end(&t, &out, &nterms, &required);
			in_phrase = false;
		} else if (cp == '"') {
			term_end(&t, &out, &nterms, &required);
			t.negate = minus;
			t.phrase = in_phrase = true;
		} else if (!in_phrase)
			term_end(&t, &out, &nterms, &required);
		/* A "-" leaves out what follows only where a word could start:
		 * "taller-pan" is two words. */
		minus = cp == '-' && word.len == 0 && !in_phrase;
		buf_reset(&word);
		s += n;
	}
	term_word(&t, buf_str(&word), word.len);
	term_end(&t, &out, &nterms, &required);
	res = arena_strdup(r->arena, required ? buf_str(&out) : "");
	buf_free(&out);
	buf_free(&word);
	buf_free(&t.words);
	return res;
}

/* Appends "name=value&" to a query string, value URL-encoded. */
static void
qs_add(struct buf *qs, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(qs, "%s=", name);
	url_encode(qs, value);
	buf_putc(qs, '&');
}

/* The places pick list of the form, names localized. */
static enum db_status
places_list(struct req *r, long long chosen, json_t *m)
{
	json_t		*rows = NULL;
	enum db_status	 rc;

	if ((rc = db_query(&stmts[STMT_PLACES], P(DB_INT(chosen)), &rows)) !=
	    DB_OK)
		return rc;
	mark_list(r, rows, chosen, "city_name");
	json_object_set_new(m, "places", rows);
	return DB_OK;
}

/* The types and cities pick lists, names localized, the chosen ones
 * marked. */
static enum db_status
type_city_lists(struct req *r, long long type, long long city, json_t *m)
{
	json_t		*rows = NULL, *row, *types, *cities;
	enum db_status	 rc;
	size_t		 i;
	bool		 is_type;

	if ((rc = db_query(&stmts[STMT_TYPES_CITIES], P(DB_INT(type),
	    DB_INT(city)), &rows)) != DB_OK)
		return rc;
	types = json_array();
	cities = json_array();
	json_array_foreach(rows, i, row) {
		is_type = strcmp(jstr(row, "list"), "types") == 0;
		json_object_del(row, "list");
		json_object_del(row, "position");
		json_array_append(is_type ? types : cities, row);
	}
	json_decref(rows);
	mark_list(r, types, type, NULL);
	mark_list(r, cities, city, NULL);
	json_object_set_new(m, "types", types);
	json_object_set_new(m, "cities", cities);
	return DB_OK;
}

/* The token of a person's private calendar address: the hex HMAC of
 * "feed:<user_id>", then ":<generation>" once renewed. */
static const char *
feed_token(struct req *r, int64_t uid, long long gen)
{
	unsigned char	 mac[crypto_auth_hmacsha256_BYTES];
	char		 hex[2 * crypto_auth_hmacsha256_BYTES + 1];
	crypto_auth_hmacsha256_state st;
	const unsigned char *key;
	const char	*msg;
	size_t		 keylen;

	key = sess_secret(&keylen);
	msg = gen == 0 ? arena_printf(r->arena, "feed:%lld", (long long)uid) :
	    arena_printf(r->arena, "feed:%lld:%lld", (long long)uid, gen);
	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg,
	    strlen(msg));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
	return arena_strdup(r->arena, hex);
}

/* The current token of uid's calendar address. */
static enum db_status
feed_current(struct req *r, int64_t uid, const char **token)
{
	json_t		*row = NULL;
	enum db_status	 rc;
	long long	 gen = 0;

	rc = db_query_one(&stmts[STMT_FEED_GENERATION], P(DB_INT(uid)), &row);
	if (rc == DB_OK)
		gen = jint(row, "generation");
	json_decref(row);
	if (rc != DB_OK && rc != DB_NOTFOUND)
		return rc;
	*token = feed_token(r, uid, gen);
	return DB_OK;
}

/* The path of the signed-in person's calendar address. */
static enum db_status
feed_path(struct req *r, const char **path)
{
	const char	*token;
	enum db_status	 rc;

	if ((rc = feed_current(r, r->user.id, &token)) != DB_OK)
		return rc;
	*path = arena_printf(r->arena, "/events/feed/%lld/%s.ics",
	    (long long)r->user.id, token);
	return DB_OK;
}

/* The site's address for links that leave it (a calendar app): the
 * configured [server] base_url, else the host the browser asked for. */
static const char *
site_base(struct req *r)
{
	const char	*base = cfg_str("server", "base_url", NULL);
	const char	*host, *https;

	if (base != NULL && *base != '\0')
		return base[strlen(base) - 1] == '/' ?
		    arena_strndup(r->arena, base, strlen(base) - 1) : base;
	if ((host = req_host(r)) == NULL)
		return "";
	https = req_env(r, "HTTPS");
	return arena_printf(r->arena, "%s://%s", https != NULL &&
	    strcmp(https, "on") == 0 ? "https" : "http", host);
}

/* --- the list's query ---------------------------------------------------- */

/*
 * The list and the search are composed for the filters given, so that
 * MariaDB sees only conditions that apply and picks the index that fits
 * them (with every filter written as "? IS NULL OR ..." it walked all
 * published events to find one city's).  Fixed text only; every value
 * is a parameter.
 */
struct listing {
	const char	*q;		/* as typed, for the form */
	const char	*fq;		/* full-text query, "" for none */
	bool		 relevance;
	long long	 type, city, org;
	bool		 places;
	const char	*status;	/* a state or "all" */
	const char	*from, *to;	/* local days, NULL when not given */
	long long	 page;		/* as asked, for the answer */
	long long	 offset;	/* rows skipped (pages, relevance) */
	const char	*after_at;	/* a cursor: after this start (NULL for
					 * none) ... */
	long long	 after_id;	/* ... and this id */
	int64_t		 matches;	/* the version found ids are kept
					 * under; -1: not kept */
};

/* Room for every condition list_events can compose at once (16). */
#define LIST_PARAMS	20

struct list_query {
	struct buf	 sql;
	struct db_param	 p[LIST_PARAMS + 1];
	size_t		 n;
	bool		 where;
};

static void
lq_param(struct list_query *lq, struct db_param v)
{
	if (lq->n < LIST_PARAMS)
		lq->p[lq->n++] = v;
	lq->p[lq->n] = DB_END;
}

/* One more condition, with its parameter unless DBT_END. */
static void
lq_cond(struct list_query *lq, const char *cond, struct db_param v)
{
	buf_puts(&lq->sql, lq->where ? " AND " : " WHERE ");
	buf_puts(&lq->sql, cond);
	lq->where = true;
	if (v.type != DBT_END)
		lq_param(lq, v);
}

/* The day after day ("YYYY-MM-DD", already valid); false past the
 * last day a date can name (9999-12-31). */
static bool
next_day(const char *day, char out[32])
{
	struct tm	 tm = { 0 };

	tm.tm_year = atoi(day) - 1900;
	tm.tm_mon = atoi(day + 5) - 1;
	tm.tm_mday = atoi(day + 8) + 1;
	(void)timegm(&tm);
	if (tm.tm_year + 1900 > 9999)
		return false;
	snprintf(out, 32, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	return true;
}

/* Where day begins in zone as UTC; a zone this server cannot read
 * counts as UTC, as the pages show it then. */
static void
day_start(const char *zone, const char *day, char utc[TZ_TIME_LEN])
{
	if (tz_day_start(zone, day, utc) != TZ_OK)
		snprintf(utc, TZ_TIME_LEN, "%.10s 00:00:00", day);
}

/* The UTC span of the days from and to in zone; an end missing is
 * the far past or future. */
static void
zone_span(const struct listing *l, const char *zone, char lo[TZ_TIME_LEN],
    char hi[TZ_TIME_LEN])
{
	char	 after[32];

	snprintf(lo, TZ_TIME_LEN, "1000-01-01 00:00:00");
	snprintf(hi, TZ_TIME_LEN, "9999-12-31 23:59:59");
	if (l->from != NULL)
		day_start(zone, l->from, lo);
	if (l->to != NULL && next_day(l->to, after))
		day_start(zone, after, hi);
}

/*
 * The days of from and to are those of the city where each event
 * happens.  For one city, its zone's span in *lo and *hi.  For all,
 * also every city's span as a JSON {"city id": [lo, hi]} in *json, and
 * the widest span in *lo and *hi, which the index can use.
 */
static enum db_status
day_spans(struct req *r, const struct listing *l, const char **json,
    const char **lo, const char **hi)
{
	char		 a[TZ_TIME_LEN], b[TZ_TIME_LEN], min[TZ_TIME_LEN] = "",
			 max[TZ_TIME_LEN] = "", *text;
	const char	*zone, *last = NULL;
	json_t		*cities = NULL, *row, *spans;
	enum db_status	 rc;
	size_t		 i;

	*json = NULL;
	if ((rc = db_query(&stmts[STMT_ZONES], DB_NOPARAMS, &cities)) != DB_OK)
		return rc;
	spans = json_object();
	json_array_foreach(cities, i, row) {
		if (l->city != 0 && jint(row, "id") != l->city)
			continue;
		zone = jstr(row, "timezone");
		if (last == NULL || strcmp(zone, last) != 0)
			zone_span(l, zone, a, b);
		last = zone;
		if (*min == '\0' || strcmp(a, min) < 0)
			memcpy(min, a, sizeof(min));
		if (strcmp(b, max) > 0)
			memcpy(max, b, sizeof(max));
		if (l->city == 0)
			json_object_set_new(spans, arena_printf(r->arena,
			    "%lld", (long long)jint(row, "id")),
			    json_pack("[s, s]", a, b));
	}
	json_decref(cities);
	/* No such city: nothing matches it anyway. */
	*lo = arena_strdup(r->arena, *min != '\0' ? min : "1000-01-01 00:00:00");
	*hi = arena_strdup(r->arena, *max != '\0' ? max : "1000-01-01 00:00:00");
	if (l->city == 0) {
		if ((text = json_dumps(spans, JSON_COMPACT)) == NULL) {
			json_decref(spans);
			return DB_ERROR;
		}
		*json = arena_strdup(r->arena, text);
		free(text);
	}
	json_decref(spans);
	return DB_OK;
}

/* The index that yields a filtered list in date order: MariaDB did not
 * see it beside the per-city span of every event, and joined every
 * event of a city before sorting when the list walked it plainly. */
static const char *
date_index(struct req *r, const struct listing *l)
{
	if (*l->fq != '\0' || strcmp(l->status, "all") == 0)
		return "";
	if (l->city)
		return " FORCE INDEX (events_city)";
	if (l->org || (strcmp(l->status, "draft") == 0 && !is_admin(r)))
		return " FORCE INDEX (events_organizer)";
	if (l->type)
		return " FORCE INDEX (events_type)";
	return " FORCE INDEX (events_list)";
}

/* What decides which events a list finds, in their order, as text for
 * memo keys (the search words counted, so that what follows them can
 * not be taken for theirs). */
static const char *
found_key(struct req *r, const struct listing *l)
{
	return arena_printf(r->arena, "%s|%d|%lld|%lld|%lld|%s|%s|%lld|%s|"
	    "%lld|%zu:%s", l->status, l->relevance, l->type, l->city, l->org,
	    l->from ? l->from : "", l->to ? l->to : "", l->offset,
	    l->after_at ? l->after_at : "", l->after_id, strlen(l->fq), l->fq);
}

/* The ids of rows, in their order, as the JSON text STMT_EVENTS_BY_IDS
 * takes, in a jansson string; NULL when out of memory. */
static json_t *
ids_of(const json_t *rows)
{
	const json_t	*row;
	struct buf	 b;
	json_t		*text;
	size_t		 i;

	buf_init(&b);
	buf_putc(&b, '[');
	json_array_foreach(rows, i, row)
		buf_printf(&b, "%s%lld", i > 0 ? "," : "",
		    (long long)jint(row, "id"));
	buf_putc(&b, ']');
	text = json_stringn_nocheck(buf_str(&b), b.len);
	buf_free(&b);
	return text;
}

/* One page of events (and one more, telling whether there is a next). */
static enum db_status
list_events(struct req *r, const struct listing *l, json_t **rows)
{
	struct list_query lq = { .n = 0 };
	const char	*spans = NULL, *lo = NULL, *hi = NULL, *key = NULL;
	json_t		*ids;
	enum db_status	 rc;
	int64_t		 uid = r->user.id;
	bool		 plain;

	*rows = NULL;
	/*
	 * A first page in date order (and every page a cursor asks for) walks
	 * the index that gives the date order and joins as it goes, stopping
	 * at 21.  Otherwise the page's ids come first (a deferred join), so
	 * the joins run for 21 rows, not for every match or skipped row; and
	 * those ids are kept while the events found stay the same (what an
	 * enrolment changes, they do not), so a search shown again after an
	 * enrolment reads 21 rows, not every match.
	 */
	plain = *l->fq == '\0' && l->offset == 0 &&
	    strcmp(l->status, "all") != 0;
	if (!plain && !l->places && l->matches >= 0) {
		key = arena_printf(r->arena, "ids|%s", found_key(r, l));
		if ((ids = memo_get(key, l->matches)) != NULL)
			return db_query(&stmts[STMT_EVENTS_BY_IDS],
			    P(DB_TEXT(json_string_value(ids))), rows);
	}
	if ((l->from != NULL || l->to != NULL) &&
	    (rc = day_spans(r, l, &spans, &lo, &hi)) != DB_OK)
		return rc;
	buf_init(&lq.sql);
	lq.p[0] = DB_END;
	if (plain)
		buf_printf(&lq.sql, "SELECT STRAIGHT_JOIN " EVENT_COLUMNS ", "
		    "LEFT(e.description, 240) AS excerpt FROM events e%s "
		    EVENT_JOINED, date_index(r, l));
	else {
		/* In the order written: choosing one for six tables cost
		 * MariaDB more than running the query. */
		buf_puts(&lq.sql, "SELECT STRAIGHT_JOIN " EVENT_COLUMNS ", "
		    "LEFT(e.description, 240) AS excerpt FROM (SELECT e.id");
		if (l->relevance) {
			buf_puts(&lq.sql, ", MATCH (e.title, e.description) "
			    "AGAINST (? IN BOOLEAN MODE) AS score");
			lq_param(&lq, DB_TEXT(l->fq));
		}
		buf_puts(&lq.sql, " FROM events e");
		buf_puts(&lq.sql, date_index(r, l));
	}
	if (*l->fq != '\0')
		lq_cond(&lq, "MATCH (e.title, e.description) AGAINST "
		    "(? IN BOOLEAN MODE)", DB_TEXT(l->fq));
	if (l->type)
		lq_cond(&lq, "e.type_id = ?", DB_INT(l->type));
	if (l->city)
		lq_cond(&lq, "e.city_id = ?", DB_INT(l->city));
	if (l->org)
		lq_cond(&lq, "e.organizer_id = ?", DB_INT(l->org));
	if (strcmp(l->status, "all") != 0)
		lq_cond(&lq, "e.status = ?", DB_TEXT(l->status));
	/* Drafts are their organiser's (and the admins') alone. */
	if (!is_admin(r) && strcmp(l->status, "draft") == 0)
		lq_cond(&lq, "e.organizer_id = ?", DB_INT(uid));
	else if (!is_admin(r) && strcmp(l->status, "all") == 0)
		lq_cond(&lq, "(e.status <> 'draft' OR e.organizer_id = ?)",
		    DB_INT(uid));
	if (l->places)
		lq_cond(&lq, "(e.capacity = 0 OR e.approved_count < "
		    "e.capacity)", DB_END);
	if (lo != NULL) {
		lq_cond(&lq, "e.starts_at >= ?", DB_TEXT(lo));
		lq_cond(&lq, "e.starts_at < ?", DB_TEXT(hi));
	}
	if (l->after_at != NULL) {
		lq_cond(&lq, "(e.starts_at > ? OR (e.starts_at = ? AND e.id > ?))",
		    DB_TEXT(l->after_at));
		lq_param(&lq, DB_TEXT(l->after_at));
		lq_param(&lq, DB_INT(l->after_id));
	}
	if (spans != NULL) {
		lq_cond(&lq, "e.starts_at >= JSON_VALUE(?, CONCAT('$.\"', "
		    "e.city_id, '\"[0]'))", DB_TEXT(spans));
		lq_cond(&lq, "e.starts_at < JSON_VALUE(?, CONCAT('$.\"', "
		    "e.city_id, '\"[1]'))", DB_TEXT(spans));
	}
	buf_puts(&lq.sql, l->relevance ? " ORDER BY score DESC, e.starts_at, "
	    "e.id" : " ORDER BY e.starts_at, e.id");
	buf_puts(&lq.sql, " LIMIT ? OFFSET ?");
	lq_param(&lq, DB_INT(PAGE_SIZE + 1));
	lq_param(&lq, DB_INT(l->offset));
	if (!plain)
		buf_puts(&lq.sql, l->relevance ? ") pick JOIN events e ON "
		    "e.id = pick.id " EVENT_JOINED "ORDER BY pick.score DESC, "
		    "e.starts_at, e.id" : ") pick JOIN events e ON e.id = "
		    "pick.id " EVENT_JOINED "ORDER BY e.starts_at, e.id");
	rc = db_query_sql(buf_str(&lq.sql), lq.p, rows);
	buf_free(&lq.sql);
	if (rc == DB_OK && key != NULL)
		memo_put(key, l->matches, 0, ids_of(*rows));
	return rc;
}

/*
 * The API's cursor: in date order the start and id of the last event
 * given ("2031-02-10T17:00:00Z.123"), so the next page starts after it
 * even when events are added meanwhile; by relevance the rows given
 * so far ("r40").  False for anything else.
 */
static bool
cursor_read(struct req *r, const char *c, bool relevance,
    struct listing *l)
{
	char		 wall[TZ_TIME_LEN], at[TZ_TIME_LEN];
	int64_t		 n;

	if (relevance) {
		if (c[0] != 'r' || !valid_parse_id(c + 1, &n) ||
		    n > 100000 * PAGE_SIZE)
			return false;
		l->offset = n;
		return true;
	}
	if (strlen(c) < 22 || c[19] != 'Z' || c[20] != '.' ||
	    !valid_parse_id(c + 21, &n))
		return false;
	snprintf(wall, sizeof(wall), "%.10s %.8s", c, c + 11);
	if (c[10] != 'T' || tz_to_utc("UTC", wall, at) != TZ_OK)
		return false;
	l->after_at = arena_strdup(r->arena, at);
	l->after_id = n;
	l->offset = 0;		/* the cursor says where, not a page */
	return true;
}

/* The cursor after rows (the page given), as cursor_read reads it. */
static json_t *
cursor_next(struct req *r, const struct listing *l, const json_t *rows)
{
	const json_t	*last = json_array_get(rows, json_array_size(rows) - 1);

	if (l->relevance)
		return json_string(arena_printf(r->arena, "r%lld",
		    l->offset + (long long)json_array_size(rows)));
	return json_string(arena_printf(r->arena, "%s.%lld",
	    jstr(last, "starts_at"), (long long)jint(last, "id")));
}

/* The memo key of a list: everything that decides what it shows (the
 * query as typed last, so that no two lists share a key), or NULL for a
 * list that depends on who asks. */
static const char *
list_key(struct req *r, const struct listing *l)
{
	if (strcmp(l->status, "draft") == 0 || strcmp(l->status, "all") == 0)
		return NULL;
	return arena_printf(r->arena, "list|%s|%s|%d|%d|%lld|%s|%s",
	    r->api ? "api" : "page", r->lang, r->user.id != 0, l->places,
	    l->page, found_key(r, l), l->q);
}

/*
 * What a list shows into part, and by when it goes stale by itself:
 * {items, next, page, filter} for the API; for pages the filter form,
 * the events and the pager drawn as browse_html.
 */
static enum http_status
list_part(struct req *r, const struct listing *l, json_t *part,
    time_t *until)
{
	json_t		*rows = NULL, *row, *filter, *html;
	long long	 page = l->page;
	struct buf	 qs;
	enum db_status	 rc;
	size_t		 i;

	*until = 0;
	if ((rc = list_events(r, l, &rows)) != DB_OK)
		return app_db_status(rc);
	if (json_array_size(rows) > PAGE_SIZE) {
		json_array_remove(rows, PAGE_SIZE);
		/* The app follows cursors; pages number their links. */
		json_object_set_new(part, "next", r->api ? cursor_next(r, l,
		    rows) : json_integer(page + 1));
	} else
		json_object_set_new(part, "next", json_null());
	json_array_foreach(rows, i, row) {
		event_decorate(r, row);
		*until = until_start(row, *until);
	}
	json_object_set_new(part, "items", rows);
	json_object_set_new(part, "page", json_integer(page));
	if (page > 1)
		json_object_set_new(part, "prev", json_integer(page - 1));
	filter = json_pack("{s:s, s:s, s:s, s:s, s:b, s:b}", "q", l->q,
	    "status", l->status, "from", l->from ? l->from : "", "to",
	    l->to ? l->to : "", "has_places", l->places, "relevance",
	    l->relevance);
	json_object_set_new(filter, "type_id", l->type ?
	    json_integer(l->type) : json_null());
	json_object_set_new(filter, "city_id", l->city ?
	    json_integer(l->city) : json_null());
	json_object_set_new(filter, "organizer_id", l->org ?
	    json_integer(l->org) : json_null());
	json_object_set_new(part, "filter", filter);
	if (r->api)
		return HTTP_OK;

	/* The page: pick lists, the pager's addresses, then drawn. */
	if ((rc = type_city_lists(r, l->type, l->city, part)) != DB_OK)
		return app_db_status(rc);
	json_object_set_new(part, "status_choice", json_pack("{s:b}",
	    l->status, 1));
	json_object_set_new(part, "signed_in", json_boolean(r->user.id != 0));
	/* Words typed, none searchable: say why the list is not narrowed. */
	json_object_set_new(part, "q_ignored", json_boolean(*l->fq == '\0' &&
	    l->q[strspn(l->q, " \t")] != '\0'));
	buf_init(&qs);
	qs_add(&qs, "q", l->q);
	if (l->type)
		buf_printf(&qs, "type_id=%lld&", l->type);
	if (l->city)
		buf_printf(&qs, "city_id=%lld&", l->city);
	qs_add(&qs, "from", l->from);
	qs_add(&qs, "to", l->to);
	if (strcmp(l->status, "published") != 0)
		qs_add(&qs, "status", l->status);
	if (l->org)
		buf_printf(&qs, "organizer_id=%lld&", l->org);
	if (l->places)
		buf_puts(&qs, "has_places=1&");
	if (l->relevance)
		buf_puts(&qs, "sort=relevance&");
	if (page > 1)
		json_object_set_new(part, "prev_url", json_string(arena_printf(
		    r->arena, "/events?%spage=%lld", buf_str(&qs), page - 1)));
	if (json_is_integer(json_object_get(part, "next")))
		json_object_set_new(part, "next_url", json_string(arena_printf(
		    r->arena, "/events?%spage=%lld", buf_str(&qs), page + 1)));
	buf_free(&qs);
	html = resp_fragment(r, "events/browse", part);
	json_object_clear(part);
	if (html == NULL)
		return HTTP_INTERNAL_ERROR;
	json_object_set_new(part, "browse_html", html);
	return HTTP_OK;
}

/* A list's answer as kept: for the API its JSON text, for pages an
 * object of what list_part drew. */
static enum http_status
list_answer(struct req *r, const struct listing *l, json_t **out,
    time_t *until)
{
	json_t		*part = json_object();
	enum http_status st;

	*out = NULL;
	if ((st = list_part(r, l, part, until)) != HTTP_OK) {
		json_decref(part);
		return st;
	}
	if (!r->api) {
		*out = part;
		return HTTP_OK;
	}
	*out = resp_json_of(part);
	json_decref(part);
	return *out != NULL ? HTTP_OK : HTTP_INTERNAL_ERROR;
}

/*
 * GET /events: anyone.  Published events by default, soonest first, 20
 * a page; q searches titles and descriptions (every word, as a prefix),
 * sort=relevance orders by the match.  status=draft lists only the
 * caller's own drafts (admins': everyone's), status=all every state the
 * caller may see.  {items, next, page}: in the API next is the cursor
 * of the following page (?cursor=), on pages its number (?page=, which
 * the API also takes); null after the last.  Pages get the filter form
 * and the caller's feed.
 */
static enum http_status
events_list(struct req *r, json_t *m)
{
	const char	*cursor, *key, *feed = NULL;
	long long	 page = 1;
	json_t		*kept;
	struct listing	 l;
	enum http_status st;
	enum db_status	 rc;
	int64_t		 version = 0;
	time_t		 until;
	size_t		 i;

	for (i = EV_STATUS; i <= EV_CURSOR; i++)
		if (r->invalid[i] != NULL)
			return HTTP_UNPROCESSABLE;
	if (r->invalid[EV_TYPE] != NULL || r->invalid[EV_CITY] != NULL)
		return HTTP_UNPROCESSABLE;
	r->has_invalid = false;
	if (!req_int(r, EV_PAGE, &page))
		page = 1;
	l = (struct listing){
	    .q = req_value(r, EV_Q) != NULL ? req_value(r, EV_Q) : "",
	    .status = req_value(r, EV_STATUS) != NULL ?
	    req_value(r, EV_STATUS) : "published",
	    .from = req_value(r, EV_FROM), .to = req_value(r, EV_TO),
	    .type = typed_id(r, EV_TYPE), .city = typed_id(r, EV_CITY),
	    .org = typed_id(r, EV_ORGANIZER),
	    .places = req_bool(r, EV_HAS_PLACES, false),
	    .page = page, .offset = (page - 1) * PAGE_SIZE };
	l.fq = fulltext_query(r, l.q);
	l.relevance = *l.fq != '\0' && req_value(r, EV_SORT) != NULL &&
	    strcmp(req_value(r, EV_SORT), "relevance") == 0;
	cursor = req_value(r, EV_CURSOR);
	if (cursor != NULL && *cursor != '\0' &&
	    !cursor_read(r, cursor, l.relevance, &l)) {
		req_set_invalid(r, EV_CURSOR, "valid.event_cursor");
		return HTTP_UNPROCESSABLE;
	}
	if (l.from != NULL && l.to != NULL && strcmp(l.to, l.from) < 0) {
		req_set_invalid(r, EV_TO, "valid.event_ends_before");
		return HTTP_UNPROCESSABLE;
	}

	/* The version first: the list may be newer than it, never older. */
	kept = NULL;
	l.matches = -1;
	if ((key = list_key(r, &l)) != NULL) {
		if ((rc = pages_version(&version, &l.matches)) != DB_OK)
			return app_db_status(rc);
		kept = json_incref(memo_get(key, version));
	}
	if (kept == NULL) {
		if ((st = list_answer(r, &l, &kept, &until)) != HTTP_OK)
			return st;
		if (key != NULL)
			memo_put(key, version, until, json_incref(kept));
	}

	if (r->api) {
		st = resp_json_text(r, json_string_value(kept), NULL, NULL);
		json_decref(kept);
		return st;
	}
	/* What is the viewer's own goes beside what is everyone's: the
	 * page shows the calendar address (the app asks GET /events/feed,
	 * so that its lists cost no look-up of it). */
	if (r->user.id != 0 && (rc = feed_path(r, &feed)) != DB_OK) {
		json_decref(kept);
		return app_db_status(rc);
	}
	json_object_update(m, kept);
	json_decref(kept);
	if (feed != NULL) {
		json_object_set_new(m, "feed_url", json_string(feed));
		json_object_set_new(m, "feed_link", json_string(arena_printf(
		    r->arena, "%s%s", site_base(r), feed)));
	}
	/* Only those who organise have events of their own. */
	if ((r->user.role & (ROLE_ONG | ROLE_ADMIN)) != 0)
		json_object_set_new(m, "mine_url", json_string(arena_printf(
		    r->arena, "/events?organizer_id=%lld&status=all",
		    (long long)r->user.id)));
	json_object_set_new(m, "can_create", json_boolean(
	    (r->user.role & (ROLE_ONG | ROLE_ADMIN)) != 0));
	return HTTP_OK;
}

/* --- the form ----------------------------------------------------------- */

/* The form's pick lists with the chosen entries marked. */
static enum db_status
form_lists(struct req *r, json_t *m, long long type, long long city,
    long long place)
{
	enum db_status	 rc;

	if ((rc = type_city_lists(r, type, city, m)) != DB_OK)
		return rc;
	return places_list(r, place, m);
}

/* A date-time for an <input type="datetime-local">: "YYYY-MM-DDTHH:MM". */
static json_t *
local_value(const char *iso)
{
	if (iso == NULL)
		return json_string("");
	if (strlen(iso) >= 16 && iso[10] == 'T')
		return json_stringn(iso, 16);
	return json_string(iso);
}

/* A stored UTC time of the event cur as its city's wall-clock time,
 * "YYYY-MM-DDTHH:MM:SS" for local_value; the UTC time when it cannot
 * be converted. */
static const char *
stored_wall(struct req *r, const json_t *cur, const char *key)
{
	const char	*iso = jstr(cur, key), *wall;

	if ((wall = utc_to_wall(r, jstr(cur, "timezone"), iso)) == NULL)
		return iso;
	return arena_printf(r->arena, "%.10sT%s", wall, wall + 11);
}

/* A stored column as the text an input shows. */
static json_t *
stored_text(const json_t *cur, const char *key, const char *def)
{
	const json_t	*v = json_object_get(cur, key);

	if (json_is_integer(v))
		return json_sprintf("%lld", (long long)json_integer_value(v));
	return json_string(json_is_string(v) ? json_string_value(v) : def);
}

/*
 * The form's model: after a refused POST what was typed (a page sends
 * the whole form), otherwise the stored event (cur) or, for a new one,
 * the defaults.  action is where the form posts.
 */
static enum db_status
form_model(struct req *r, json_t *m, const json_t *cur, const char *action)
{
	json_t		*f;
	bool		 typed = r->method != M_GET && r->method != M_HEAD;
	long long	 type, city, place;
	size_t		 i;
	static const size_t text[] = { EV_TITLE, EV_DESCRIPTION, EV_CAPACITY };

	f = json_object();
	json_object_set_new(f, "action", json_string(action));
	json_object_set_new(f, "is_edit", json_boolean(cur != NULL));
	/* A new form's key; drawn again after a refusal, it keeps it. */
	if (cur == NULL)
		json_object_set_new(f, "form_key", json_string(typed &&
		    once_valid(r->values[EV_FORM_KEY]) ?
		    r->values[EV_FORM_KEY] : once_key(r)));
	if (cur != NULL)
		json_object_set_new(f, "id", json_integer(jint(cur, "id")));
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		const char *name = fields[text[i]].name;
		const char *def = text[i] == EV_CAPACITY ? "0" : "";

		if (typed)
			json_object_set_new(f, name, json_string(
			    r->values[text[i]] != NULL ? r->values[text[i]] :
			    def));
		else
			json_object_set_new(f, name, stored_text(cur, name,
			    def));
	}
	if (typed) {
		json_object_set_new(f, "starts_at",
		    local_value(r->values[EV_STARTS]));
		json_object_set_new(f, "ends_at",
		    local_value(r->values[EV_ENDS]));
		json_object_set_new(f, "requires_approval", json_boolean(
		    req_bool(r, EV_APPROVAL, false)));
		type = typed_id(r, EV_TYPE);
		city = typed_id(r, EV_CITY);
		place = typed_id(r, EV_PLACE);
	} else {
		json_object_set_new(f, "starts_at", local_value(cur != NULL ?
		    stored_wall(r, cur, "starts_at") : NULL));
		json_object_set_new(f, "ends_at", local_value(cur != NULL ?
		    stored_wall(r, cur, "ends_at") : NULL));
		json_object_set_new(f, "requires_approval", json_boolean(
		    cur != NULL && jint(cur, "requires_approval")));
		type = cur != NULL ? jint(cur, "type_id") : 0;
		city = cur != NULL ? jint(cur, "city_id") : 0;
		place = cur != NULL ? jint(cur, "place_id") : 0;
	}
	json_object_set_new(m, "form", f);
	return form_lists(r, m, type, city, place);
}

/*
 * GET /events/new: NGOs.  The empty form, its lists filled from the
 * catalogs in the page's language.
 */
static enum http_status
events_new(struct req *r, json_t *m)
{
	r->has_invalid = false;
	return app_db_status(form_model(r, m, NULL, "/events"));
}

/*
 * GET /events/{id}/edit: the organiser or an admin.  The form with the
 * stored values; 404 for another's draft, 403 for another's event, 409
 * once finished or cancelled.
 */
static enum http_status
events_edit(struct req *r, json_t *m)
{
	json_t		*cur = NULL;
	enum db_status	 rc;
	const char	*s;

	r->has_invalid = false;
	rc = db_query_one(&stmts[STMT_EVENT_OWNED], P(DB_INT(r->id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), &cur);
	if (rc == DB_NOTFOUND)
		return refusal(r->id);
	if (rc != DB_OK)
		return app_db_status(rc);
	s = jstr(cur, "status");
	if (strcmp(s, "draft") != 0 && strcmp(s, "published") != 0) {
		json_decref(cur);
		r->detail = "error_detail.event_closed";
		return HTTP_CONFLICT;
	}
	rc = form_model(r, m, cur, arena_printf(r->arena, "/events/%lld",
	    (long long)r->id));
	json_decref(cur);
	return app_db_status(rc);
}

/* --- create and change -------------------------------------------------- */

/* An event's values once the request is laid over what is stored. */
struct evdata {
	const char	*title;
	const char	*description;
	long long	 type_id, city_id, place_id;	/* place 0: none */
	char		 starts[20], ends[20];	/* MariaDB DATETIME, UTC */
	/* A page's zoneless times, the city's wall-clock time until
	 * evdata_local converts them into starts and ends. */
	const char	*wall_starts, *wall_ends;
	long long	 capacity;
	bool		 approval;
	const char	*status;
};

/* Whether a catalog entry exists and, unless it is the one already on
 * the event, is not retired. */
static enum db_status
catalog_ok(enum ev_stmt s, long long id, long long keep, json_t **row,
    bool *ok)
{
	enum db_status	 rc;

	*ok = false;
	*row = NULL;
	rc = db_query_one(&stmts[s], P(DB_INT(id)), row);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc != DB_OK)
		return rc;
	*ok = id == keep || !jint(*row, "retired");
	return DB_OK;
}

/*
 * Checks every rule that spans fields or needs the catalogs: dates in
 * order (and in the future on create), known catalog ids that are not
 * retired, the place in the chosen city, capacity not under the
 * approved enrolments.  Marks the fields; a database failure is
 * returned.
 */
static enum db_status
evdata_check(struct req *r, const struct evdata *d, const json_t *cur)
{
	json_t		*row = NULL;
	enum db_status	 rc;
	char		 was[20] = "", limit[20];
	bool		 ok;

	if (r->invalid[EV_STARTS] == NULL && r->invalid[EV_ENDS] == NULL &&
	    d->starts[0] != '\0' && d->ends[0] != '\0' &&
	    strcmp(d->ends, d->starts) <= 0)
		req_set_invalid(r, EV_ENDS, "valid.event_ends_not_after");
	/* Planned within YEARS_AHEAD years: a year such as 9999 is a slip,
	 * and no city's clock can show it. */
	now_sql(limit, YEARS_AHEAD);
	if (r->invalid[EV_STARTS] == NULL && strcmp(d->starts, limit) > 0)
		req_set_invalid(r, EV_STARTS, "valid.event_too_far");
	if (r->invalid[EV_ENDS] == NULL && strcmp(d->ends, limit) > 0)
		req_set_invalid(r, EV_ENDS, "valid.event_too_far");
	if (cur != NULL)
		iso_to_sql(jstr(cur, "starts_at"), was);
	/* A new start is in the future; one left as it was may have passed
	 * (the title of an event under way can still be mended).  The form
	 * shows minutes, so the same minute is the start left as it was. */
	if ((cur == NULL || strncmp(d->starts, was, 16) != 0) &&
	    r->invalid[EV_STARTS] == NULL && d->starts[0] != '\0' &&
	    has_come(d->starts))
		req_set_invalid(r, EV_STARTS, "valid.event_starts_past");
	if (cur != NULL && d->capacity != 0 &&
	    d->capacity < jint(cur, "approved_count"))
		req_set_invalid(r, EV_CAPACITY, "valid.event_capacity_below");
	if (r->invalid[EV_TYPE] == NULL && d->type_id != 0) {
		if ((rc = catalog_ok(STMT_TYPE_GET, d->type_id, cur ?
		    jint(cur, "type_id") : 0, &row, &ok)) != DB_OK)
			return rc;
		json_decref(row);
		if (!ok)
			req_set_invalid(r, EV_TYPE, "valid.event_catalog");
	}
	if (r->invalid[EV_CITY] == NULL && d->city_id != 0) {
		if ((rc = catalog_ok(STMT_CITY_GET, d->city_id, cur ?
		    jint(cur, "city_id") : 0, &row, &ok)) != DB_OK)
			return rc;
		json_decref(row);
		if (!ok)
			req_set_invalid(r, EV_CITY, "valid.event_catalog");
	}
	if (r->invalid[EV_PLACE] == NULL && d->place_id != 0) {
		if ((rc = catalog_ok(STMT_PLACE_GET, d->place_id, cur ?
		    jint(cur, "place_id") : 0, &row, &ok)) != DB_OK)
			return rc;
		if (!ok)
			req_set_invalid(r, EV_PLACE, "valid.event_catalog");
		else if (jint(row, "city_id") != d->city_id)
			req_set_invalid(r, EV_PLACE, "valid.event_place_city");
		json_decref(row);
	}
	return DB_OK;
}

/* Drops the reasons of the search and sponsor fields, which the event
 * form does not send (status stays on create), and recounts. */
static void
form_fields_only(struct req *r, bool keep_status)
{
	size_t	 i;

	r->has_invalid = false;
	for (i = 0; i < EV__MAX; i++) {
		if (i >= EV_STATUS && !(keep_status && i == EV_STATUS))
			r->invalid[i] = NULL;
		if (r->invalid[i] != NULL)
			r->has_invalid = true;
	}
}

/* An empty string sent in JSON for a field that may not be empty. */
static void
json_blanks(struct req *r)
{
	static const size_t req_fields[] = {
		EV_TITLE, EV_DESCRIPTION, EV_TYPE, EV_CITY, EV_STARTS, EV_ENDS
	};
	const char	*s;
	size_t		 i;

	for (i = 0; r->json != NULL && i < sizeof(req_fields) /
	    sizeof(req_fields[0]); i++) {
		s = json_string_value(json_object_get(r->json,
		    fields[req_fields[i]].name));
		if (s != NULL && *s == '\0')
			req_set_invalid(r, req_fields[i], "valid.required");
	}
}

/*
 * A typed start or end.  A page's zoneless value is the wall-clock time
 * of the event's city, kept in *wall until the city is known; anything
 * else (the API's values, or a value with its own zone) is ISO 8601,
 * with no zone meaning UTC as the mobile app has always sent it.
 */
static void
take_time(struct req *r, size_t f, char utc[20], const char **wall)
{
	const char	*v = req_value(r, f);

	if (v == NULL)
		return;
	if (!r->api && valid_zoneless(v))
		*wall = v;
	else if (!valid_to_utc(v, utc))
		req_set_invalid(r, f, "valid.bad_datetime");
}

/* One wall-clock time of the event's zone into utc; a time the zone's
 * clocks skip (the spring change) is the person's to fix. */
static enum db_status
wall_to_utc(struct req *r, size_t f, const char *zone, const char *wall,
    char utc[20])
{
	switch (tz_to_utc(zone, wall, utc)) {
	case TZ_OK:
		return DB_OK;
	case TZ_SKIPPED:
		req_set_invalid(r, f, "valid.event_time_skipped");
		return DB_OK;
	case TZ_BADTIME:
		req_set_invalid(r, f, "valid.bad_datetime");
		return DB_OK;
	default:
		/* The catalog takes only known zones: the zone files are
		 * gone from this server. */
		log_warnx("city zone \"%s\" is not in the zone database",
		    zone);
		return DB_ERROR;
	}
}

/*
 * Converts a page's wall-clock times to UTC in the time zone of the
 * event's city (d->city_id, typed or stored).  An unknown city leaves
 * them unconverted for evdata_check to refuse the city.
 */
static enum db_status
evdata_local(struct req *r, struct evdata *d)
{
	json_t		*city = NULL;
	const char	*zone;
	enum db_status	 rc;

	if ((d->wall_starts == NULL && d->wall_ends == NULL) ||
	    d->city_id == 0)
		return DB_OK;
	rc = db_query_one(&stmts[STMT_CITY_GET], P(DB_INT(d->city_id)), &city);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc != DB_OK)
		return rc;
	zone = arena_strdup(r->arena, jstr(city, "timezone"));
	json_decref(city);
	if (d->wall_starts != NULL && (rc = wall_to_utc(r, EV_STARTS, zone,
	    d->wall_starts, d->starts)) != DB_OK)
		return rc;
	if (d->wall_ends != NULL && (rc = wall_to_utc(r, EV_ENDS, zone,
	    d->wall_ends, d->ends)) != DB_OK)
		return rc;
	return DB_OK;
}

/*
 * Lays the request over the stored event (cur; NULL on create): a page
 * sends the whole form, so an absent place or unticked box clears them;
 * the API changes only what it names (place_id null clears the place).
 */
static void
evdata_fill(struct req *r, struct evdata *d, const json_t *cur)
{
	long long	 v;
	json_t		*jp;

	memset(d, 0, sizeof(*d));
	if (cur != NULL) {
		d->title = jstr(cur, "title");
		d->description = jstr(cur, "description");
		d->type_id = jint(cur, "type_id");
		d->city_id = jint(cur, "city_id");
		d->place_id = jint(cur, "place_id");
		iso_to_sql(jstr(cur, "starts_at"), d->starts);
		iso_to_sql(jstr(cur, "ends_at"), d->ends);
		d->capacity = jint(cur, "capacity");
		d->approval = jint(cur, "requires_approval") != 0;
		if (!r->api) {
			d->place_id = 0;
			d->approval = false;
		}
		jp = r->json != NULL ? json_object_get(r->json, "place_id") :
		    NULL;
		if (json_is_null(jp))
			d->place_id = 0;
	}
	if (req_value(r, EV_TITLE) != NULL)
		d->title = req_value(r, EV_TITLE);
	if (req_value(r, EV_DESCRIPTION) != NULL)
		d->description = req_value(r, EV_DESCRIPTION);
	if ((v = typed_id(r, EV_TYPE)) != 0 && r->invalid[EV_TYPE] == NULL)
		d->type_id = v;
	if ((v = typed_id(r, EV_CITY)) != 0 && r->invalid[EV_CITY] == NULL)
		d->city_id = v;
	if ((v = typed_id(r, EV_PLACE)) != 0 && r->invalid[EV_PLACE] == NULL)
		d->place_id = v;
	take_time(r, EV_STARTS, d->starts, &d->wall_starts);
	take_time(r, EV_ENDS, d->ends, &d->wall_ends);
	if (req_int(r, EV_CAPACITY, &v))
		d->capacity = v;
	if (req_value(r, EV_APPROVAL) != NULL)
		d->approval = req_bool(r, EV_APPROVAL, false);
	d->status = "draft";
}

/* Whether d says what the stored row cur does: an edit that changes
 * nothing writes nothing, and nobody is told of it. */
static bool
evdata_same(const struct evdata *d, const json_t *cur)
{
	char	 starts[20], ends[20];

	iso_to_sql(jstr(cur, "starts_at"), starts);
	iso_to_sql(jstr(cur, "ends_at"), ends);
	return strcmp(d->title, jstr(cur, "title")) == 0 &&
	    strcmp(d->description, jstr(cur, "description")) == 0 &&
	    d->type_id == jint(cur, "type_id") &&
	    d->city_id == jint(cur, "city_id") &&
	    d->place_id == jint(cur, "place_id") &&
	    strcmp(d->starts, starts) == 0 && strcmp(d->ends, ends) == 0 &&
	    d->capacity == jint(cur, "capacity") &&
	    d->approval == (jint(cur, "requires_approval") != 0);
}

struct evtx {
	struct req	*r;
	struct evdata	 d;
	int64_t		 id;
	json_t		*cur;		/* the locked row (update) */
	enum http_status st;		/* a refusal, or 0 */
	const char	*once;		/* the create form's key, or NULL */
};

static enum db_status
create_tx(void *arg)
{
	struct evtx	*c = arg;
	struct evdata	*d = &c->d;
	uint64_t	 id;
	int64_t		 made;
	enum db_status	 rc;

	/* The same form sent again goes to the event it made. */
	if (c->once != NULL &&
	    (rc = once_claim(c->r->user.id, c->once, &made)) != DB_OK) {
		if (rc == DB_CONFLICT && made != 0) {
			c->id = made;
			c->st = HTTP_SEE_OTHER;
			rc = DB_NOTFOUND;
		}
		return rc;
	}
	rc = db_exec(&stmts[STMT_EVENT_INSERT], P(DB_INT(c->r->user.id),
	    DB_TEXT(d->title), DB_TEXT(d->description), DB_INT(d->type_id),
	    DB_INT(d->city_id), d->place_id ? DB_INT(d->place_id) : DB_NULL,
	    DB_TEXT(d->starts), DB_TEXT(d->ends), DB_INT(d->capacity),
	    DB_INT(d->approval), DB_TEXT(d->status), DB_TEXT(d->status)),
	    NULL, &id);
	if (rc != DB_OK)
		return rc;
	c->id = (int64_t)id;
	if (c->once != NULL &&
	    (rc = once_done(c->r->user.id, c->once, c->id)) != DB_OK)
		return rc;
	if ((rc = outbox_append("event.created", json_pack("{s:I, s:I, s:s, "
	    "s:s}", "event_id", (json_int_t)c->id, "organizer_id",
	    (json_int_t)c->r->user.id, "title", d->title, "status",
	    d->status))) != DB_OK)
		return rc;
	if (strcmp(d->status, "published") != 0)
		return DB_OK;
	return outbox_append("event.published", json_pack("{s:I, s:I, s:s, "
	    "s:s}", "event_id", (json_int_t)c->id, "organizer_id",
	    (json_int_t)c->r->user.id, "title", d->title, "status",
	    d->status));
}

/* The answer to a form that cannot be saved: the form again (page) or
 * the problem document with the fields (API). */
static enum http_status
form_refused(struct req *r, json_t *m, const json_t *cur, const char *action,
    enum http_status st)
{
	enum db_status	 rc;

	if (r->api)
		return st;
	if ((rc = form_model(r, m, cur, action)) != DB_OK)
		return app_db_status(rc);
	return st;
}

/*
 * POST /events and POST /api/v1/events (the seed's POST /api/eventos):
 * NGOs.  title, description, type_id, city_id, starts_at, ends_at
 * required; place_id, capacity (0 = unlimited), requires_approval and
 * status (draft, the default, or published) optional.  201 with the
 * event, or the form again with the reasons.
 */
static enum http_status
events_create(struct req *r, json_t *m)
{
	struct evtx	 c;
	enum db_status	 rc;
	json_t		*e = NULL;
	const char	*status = req_value(r, EV_STATUS);

	memset(&c, 0, sizeof(c));
	c.r = r;
	form_fields_only(r, true);
	json_blanks(r);
	req_require(r, EV_TITLE, EV_DESCRIPTION, EV_TYPE, EV_CITY, EV_STARTS,
	    EV_ENDS, -1);
	evdata_fill(r, &c.d, NULL);
	if (status != NULL && strcmp(status, "draft") != 0 &&
	    strcmp(status, "published") != 0)
		req_set_invalid(r, EV_STATUS, "valid.event_status_new");
	else if (status != NULL)
		c.d.status = status;
	if ((rc = evdata_local(r, &c.d)) != DB_OK ||
	    (rc = evdata_check(r, &c.d, NULL)) != DB_OK)
		return app_db_status(rc);
	if (r->has_invalid)
		return form_refused(r, m, NULL, "/events", HTTP_UNPROCESSABLE);
	if (!r->api && once_valid(req_value(r, EV_FORM_KEY)))
		c.once = req_value(r, EV_FORM_KEY);
	rc = db_tx(create_tx, &c);
	if (c.st == HTTP_SEE_OTHER) {
		r->redirect = arena_printf(r->arena, "/events/%lld",
		    (long long)c.id);
		r->flash = "event_sent_twice";
		return HTTP_SEE_OTHER;
	}
	if (rc != DB_OK)
		return app_db_status(rc);
	r->redirect = arena_printf(r->arena, "/events/%lld", (long long)c.id);
	r->flash = strcmp(c.d.status, "published") == 0 ?
	    "event_published" : "event_created";
	if ((rc = event_get(r, c.id, &e)) != DB_OK)
		return app_db_status(rc);
	json_object_update(m, e);
	json_decref(e);
	return HTTP_CREATED;
}

/*
 * Locks the event the caller may change into c->cur; on a refusal sets
 * c->st (404 or 403) and returns DB_NOTFOUND so the transaction ends.
 */
static enum db_status
lock_owned(struct evtx *c)
{
	struct req	*r = c->r;
	enum db_status	 rc;

	c->cur = NULL;
	rc = db_query_one(&stmts[STMT_EVENT_LOCK], P(DB_INT(c->id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), &c->cur);
	if (rc == DB_NOTFOUND)
		c->st = refusal(c->id);
	return rc;
}

/* A time sent in the minute stored is the stored one: the form shows
 * minutes, and an event made through the API may have seconds, which a
 * save of the form must not move (nor call a change). */
static void
keep_minute(char sent[20], const char *stored_iso)
{
	char	 was[20];

	iso_to_sql(stored_iso, was);
	if (sent[0] != '\0' && strncmp(sent, was, 16) == 0)
		memcpy(sent, was, 20);
}

static enum db_status
update_tx(void *arg)
{
	struct evtx	*c = arg;
	struct req	*r = c->r;
	struct evdata	*d = &c->d;
	const char	*s;
	json_t		*city = NULL;
	enum db_status	 rc;
	int		 promoted;

	c->st = 0;
	json_decref(c->cur);
	if ((rc = lock_owned(c)) != DB_OK)
		return rc;
	s = jstr(c->cur, "status");
	if (strcmp(s, "draft") != 0 && strcmp(s, "published") != 0) {
		r->detail = "error_detail.event_closed";
		c->st = HTTP_CONFLICT;
		return DB_NOTFOUND;
	}
	evdata_fill(r, d, c->cur);
	if ((rc = evdata_local(r, d)) != DB_OK)
		return rc;
	keep_minute(d->starts, jstr(c->cur, "starts_at"));
	keep_minute(d->ends, jstr(c->cur, "ends_at"));
	if ((rc = evdata_check(r, d, c->cur)) != DB_OK)
		return rc;
	if (r->has_invalid) {
		c->st = HTTP_UNPROCESSABLE;
		return DB_NOTFOUND;
	}
	if (evdata_same(d, c->cur))
		return DB_OK;
	rc = db_exec(&stmts[STMT_EVENT_UPDATE], P(DB_TEXT(d->title),
	    DB_TEXT(d->description), DB_INT(d->type_id), DB_INT(d->city_id),
	    d->place_id ? DB_INT(d->place_id) : DB_NULL, DB_TEXT(d->starts),
	    DB_TEXT(d->ends), DB_INT(d->capacity), DB_INT(d->approval),
	    DB_INT(c->id), DB_INT(r->user.id), DB_INT(is_admin(r))), NULL,
	    NULL);
	if (rc != DB_OK)
		return rc;
	/* New places go to those waiting, in their order, before anyone
	 * who enrols next. */
	if (strcmp(s, "published") == 0 && (d->capacity == 0 ||
	    d->capacity > jint(c->cur, "capacity")) &&
	    (rc = participation_promote(c->id, jint(c->cur, "organizer_id"),
	    d->title, NULL, &promoted)) != DB_OK)
		return rc;
	/* The start, where it happens: the notice says when. */
	if ((rc = db_query_one(&stmts[STMT_CITY_GET], P(DB_INT(d->city_id)),
	    &city)) != DB_OK)
		return rc;
	rc = outbox_append("event.updated", json_pack("{s:I, s:I, s:s, s:s, "
	    "s:I, s:s, s:s}", "event_id", (json_int_t)c->id, "organizer_id",
	    (json_int_t)jint(c->cur, "organizer_id"), "title", d->title,
	    "status", s, "by", (json_int_t)r->user.id, "starts_at", d->starts,
	    "timezone", jstr(city, "timezone")));
	json_decref(city);
	return rc;
}

/*
 * POST /events/{id} and PATCH /api/v1/events/{id}: the organiser or an
 * admin, while the event is a draft or published.  The page sends the
 * whole form; the API only what changes.  200 with the event, or 422,
 * 404 (another's draft), 403 (another's event), 409 (closed).
 */
static enum http_status
events_update(struct req *r, json_t *m)
{
	struct evtx	 c;
	enum db_status	 rc;
	json_t		*e = NULL;
	const char	*action;

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.id = r->id;
	action = arena_printf(r->arena, "/events/%lld", (long long)r->id);
	form_fields_only(r, false);
	json_blanks(r);
	if (!r->api)
		req_require(r, EV_TITLE, EV_DESCRIPTION, EV_TYPE, EV_CITY,
		    EV_STARTS, EV_ENDS, -1);
	rc = db_tx(update_tx, &c);
	if (c.st == HTTP_UNPROCESSABLE || (c.st == HTTP_CONFLICT && !r->api)) {
		enum http_status st = form_refused(r, m, c.cur, action, c.st);

		json_decref(c.cur);
		return st;
	}
	json_decref(c.cur);
	if (c.st != 0)
		return c.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	r->redirect = action;
	r->flash = "event_updated";
	if ((rc = event_get(r, c.id, &e)) != DB_OK)
		return app_db_status(rc);
	json_object_update(m, e);
	json_decref(e);
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/* --- states ------------------------------------------------------------- */

enum transition { T_PUBLISH, T_FINISH, T_CANCEL, T__MAX };

static const struct {
	const char	*from, *to, *topic, *flash;
} transitions[T__MAX] = {
	{ "draft", "published", "event.published", "event_published" },
	{ "published", "finished", "event.finished", "event_finished" },
	{ "published", "cancelled", "event.cancelled", "event_cancelled" },
};

struct statetx {
	struct evtx	 c;
	enum transition	 t;
};

static enum db_status
status_tx(void *arg)
{
	struct statetx	*s = arg;
	struct evtx	*c = &s->c;
	const char	*to = transitions[s->t].to;
	enum db_status	 rc;

	c->st = 0;
	json_decref(c->cur);
	if ((rc = lock_owned(c)) != DB_OK)
		return rc;
	if (strcmp(jstr(c->cur, "status"), transitions[s->t].from) != 0) {
		c->r->detail = "error_detail.event_state";
		c->st = HTTP_CONFLICT;
		return DB_NOTFOUND;
	}
	/* Nobody could enrol in it: the timer would finish it at once. */
	if (s->t == T_PUBLISH && has_started(c->cur)) {
		c->r->detail = "error_detail.event_start_passed";
		c->st = HTTP_CONFLICT;
		return DB_NOTFOUND;
	}
	/* What has not begun is called off (cancel), not over. */
	if (s->t == T_FINISH && !has_started(c->cur)) {
		c->r->detail = "error_detail.event_not_started";
		c->st = HTTP_CONFLICT;
		return DB_NOTFOUND;
	}
	if ((rc = db_exec(&stmts[STMT_EVENT_STATUS], P(DB_TEXT(to), DB_TEXT(to),
	    DB_INT(c->id), DB_TEXT(transitions[s->t].from)), NULL, NULL)) !=
	    DB_OK)
		return rc;
	return outbox_append(transitions[s->t].topic, json_pack("{s:I, s:I, "
	    "s:s, s:s, s:I}", "event_id", (json_int_t)c->id, "organizer_id",
	    (json_int_t)jint(c->cur, "organizer_id"), "title", jstr(c->cur,
	    "title"), "status", to, "by", (json_int_t)c->r->user.id));
}

/* Moves an event from one state to the next; see the handlers. */
static enum http_status
change_status(struct req *r, json_t *m, enum transition t)
{
	struct statetx	 s;
	enum db_status	 rc;

	memset(&s, 0, sizeof(s));
	s.c.r = r;
	s.c.id = r->id;
	s.t = t;
	r->has_invalid = false;
	rc = db_tx(status_tx, &s);
	json_decref(s.c.cur);
	if (s.c.st != 0)
		return s.c.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "id", json_integer(r->id));
	json_object_set_new(m, "status", json_string(transitions[t].to));
	r->redirect = arena_printf(r->arena, "/events/%lld", (long long)r->id);
	r->flash = transitions[t].flash;
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/*
 * POST /events/{id}/publish: the organiser or an admin; a draft becomes
 * visible to everyone.  200 {id, status}; 409 unless it is a draft.
 */
static enum http_status
events_publish(struct req *r, json_t *m)
{
	return change_status(r, m, T_PUBLISH);
}

/*
 * POST /events/{id}/finish: the organiser or an admin; a published event
 * is over.  409 unless it is published.
 */
static enum http_status
events_finish(struct req *r, json_t *m)
{
	return change_status(r, m, T_FINISH);
}

/*
 * POST /events/{id}/cancel: the organiser or an admin; a published event
 * will not happen (participants are told by the notifier).  409 unless
 * it is published.
 */
static enum http_status
events_cancel(struct req *r, json_t *m)
{
	return change_status(r, m, T_CANCEL);
}

static enum db_status
delete_tx(void *arg)
{
	struct evtx	*c = arg;
	enum db_status	 rc;

	c->st = 0;
	json_decref(c->cur);
	if ((rc = lock_owned(c)) != DB_OK)
		return rc;
	if (strcmp(jstr(c->cur, "status"), "draft") != 0) {
		c->r->detail = "error_detail.event_not_draft";
		c->st = HTTP_CONFLICT;
		return DB_NOTFOUND;
	}
	if ((rc = db_exec(&stmts[STMT_EVENT_DELETE], P(DB_INT(c->id),
	    DB_INT(c->r->user.id), DB_INT(is_admin(c->r))), NULL, NULL)) !=
	    DB_OK)
		return rc;
	return outbox_append("event.deleted", json_pack("{s:I, s:I, s:s, s:I}",
	    "event_id", (json_int_t)c->id, "organizer_id", (json_int_t)jint(
	    c->cur, "organizer_id"), "title", jstr(c->cur, "title"), "by",
	    (json_int_t)c->r->user.id));
}

/*
 * DELETE /api/v1/events/{id} and POST /events/{id}/delete: the organiser
 * or an admin, drafts only (a published event is cancelled instead:
 * 409).  204, or the list.
 */
static enum http_status
events_delete(struct req *r, json_t *m)
{
	struct evtx	 c;
	enum db_status	 rc;

	(void)m;	/* nothing to show: 204 or a redirect */
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.id = r->id;
	r->has_invalid = false;
	rc = db_tx(delete_tx, &c);
	json_decref(c.cur);
	if (c.st != 0)
		return c.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	r->redirect = "/events";
	r->flash = "event_deleted";
	return HTTP_NO_CONTENT;
}

/* --- sponsors ----------------------------------------------------------- */

struct sptx {
	struct req	*r;
	int64_t		 event_id, company_id;
	const char	*status;	/* the sponsorship's new status */
	bool		 accept;	/* decide: accept or decline */
	enum http_status st;
};

/* Locks an event the caller may see; 404 (st) when it may not. */
static enum db_status
lock_visible(struct req *r, int64_t id, json_t **ev, enum http_status *st)
{
	enum db_status	 rc;

	*ev = NULL;
	rc = db_query_one(&stmts[STMT_EVENT_VISIBLE_LOCK], P(DB_INT(id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), ev);
	if (rc == DB_NOTFOUND)
		*st = HTTP_NOT_FOUND;
	return rc;
}

static bool
event_closed(const json_t *ev)
{
	const char	*s = jstr(ev, "status");

	return strcmp(s, "finished") == 0 || strcmp(s, "cancelled") == 0;
}

static enum db_status
sponsor_tx(void *arg)
{
	struct sptx	*s = arg;
	struct req	*r = s->r;
	json_t		*ev = NULL, *row = NULL;
	enum db_status	 rc;
	bool		 company = r->user.role == ROLE_EMPRESA;

	s->st = 0;
	if ((rc = lock_visible(r, s->event_id, &ev, &s->st)) != DB_OK)
		return rc;
	rc = DB_NOTFOUND;
	if (event_closed(ev)) {
		r->detail = "error_detail.event_closed";
		s->st = HTTP_CONFLICT;
		goto out;
	}
	/* A company could not open a draft's page to answer. */
	if (strcmp(jstr(ev, "status"), "draft") == 0) {
		r->detail = "error_detail.sponsor_draft";
		s->st = HTTP_CONFLICT;
		goto out;
	}
	if (company) {
		s->company_id = r->user.id;
		s->status = "requested";
	} else if (jint(ev, "organizer_id") != r->user.id && !is_admin(r)) {
		s->st = HTTP_FORBIDDEN;
		goto out;
	} else {
		s->status = "invited";
		rc = db_query_one(&stmts[STMT_COMPANY_GET],
		    P(DB_INT(s->company_id)), &row);
		json_decref(row);
		row = NULL;
		if (rc == DB_NOTFOUND) {
			req_set_invalid(r, EV_COMPANY, "valid.event_company");
			s->st = HTTP_UNPROCESSABLE;
		}
		if (rc != DB_OK)
			goto out;
	}
	rc = db_query_one(&stmts[STMT_SPONSOR_GET], P(DB_INT(s->event_id),
	    DB_INT(s->company_id)), &row);
	if (rc == DB_OK && strcmp(jstr(row, "status"), "declined") != 0) {
		r->detail = "error_detail.sponsor_exists";
		s->st = HTTP_CONFLICT;
		rc = DB_NOTFOUND;
		goto out;
	}
	if (rc == DB_OK)
		rc = db_exec(&stmts[STMT_SPONSOR_RENEW], P(DB_TEXT(s->status),
		    DB_INT(s->event_id), DB_INT(s->company_id)), NULL, NULL);
	else if (rc == DB_NOTFOUND)
		rc = db_exec(&stmts[STMT_SPONSOR_INSERT], P(DB_INT(s->event_id),
		    DB_INT(s->company_id), DB_TEXT(s->status)), NULL, NULL);
	if (rc != DB_OK)
		goto out;
	rc = outbox_append(company ? "sponsor.requested" : "sponsor.invited",
	    json_pack("{s:I, s:I, s:I, s:s, s:s, s:I}", "event_id",
	    (json_int_t)s->event_id, "company_id", (json_int_t)s->company_id,
	    "organizer_id", (json_int_t)jint(ev, "organizer_id"), "title",
	    jstr(ev, "title"), "status", s->status, "by",
	    (json_int_t)r->user.id));
out:
	json_decref(row);
	json_decref(ev);
	return rc;
}

/*
 * POST /events/{id}/sponsors: a company asks to sponsor (status
 * requested; company_id is itself), or the organiser (or an admin)
 * invites one with company_id (status invited).  201; 403 for another
 * NGO; 409 when a sponsorship is already open or the event is over;
 * 422 for an unknown company.  A declined one may be asked again.
 */
static enum http_status
events_sponsor(struct req *r, json_t *m)
{
	struct sptx	 s;
	enum db_status	 rc;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.event_id = r->id;
	r->has_invalid = false;
	if (r->user.role != ROLE_EMPRESA) {
		if (r->invalid[EV_COMPANY] != NULL ||
		    !req_require(r, EV_COMPANY, -1)) {
			r->has_invalid = true;
			return HTTP_UNPROCESSABLE;
		}
		s.company_id = typed_id(r, EV_COMPANY);
	}
	rc = db_tx(sponsor_tx, &s);
	if (s.st != 0)
		return s.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "event_id", json_integer(s.event_id));
	json_object_set_new(m, "company_id", json_integer(s.company_id));
	json_object_set_new(m, "status", json_string(s.status));
	r->redirect = r->user.role == ROLE_EMPRESA ? arena_printf(r->arena,
	    "/events/%lld", (long long)s.event_id) : arena_printf(r->arena,
	    "/events/%lld/sponsors", (long long)s.event_id);
	r->flash = r->user.role == ROLE_EMPRESA ? "sponsor_requested" :
	    "sponsor_invited";
	return HTTP_CREATED;
}

static enum db_status
decide_tx(void *arg)
{
	struct sptx	*s = arg;
	struct req	*r = s->r;
	json_t		*ev = NULL, *row = NULL;
	enum db_status	 rc;
	const char	*from;
	bool		 ngo_side;

	s->st = 0;
	if ((rc = lock_visible(r, s->event_id, &ev, &s->st)) != DB_OK)
		return rc;
	/* Neither party: 404 before anything about the sponsorship shows
	 * (pending ones are not public). */
	ngo_side = jint(ev, "organizer_id") == r->user.id || is_admin(r);
	if (!ngo_side && r->user.id != s->company_id) {
		s->st = HTTP_NOT_FOUND;
		rc = DB_NOTFOUND;
		goto out;
	}
	rc = db_query_one(&stmts[STMT_SPONSOR_GET], P(DB_INT(s->event_id),
	    DB_INT(s->company_id)), &row);
	if (rc == DB_NOTFOUND)
		s->st = HTTP_NOT_FOUND;
	if (rc != DB_OK)
		goto out;
	rc = DB_NOTFOUND;
	from = jstr(row, "status");
	if (strcmp(from, "requested") != 0 && strcmp(from, "invited") != 0) {
		r->detail = "error_detail.sponsor_decided";
		s->st = HTTP_CONFLICT;
		goto out;
	}
	/* The side that did not ask answers. */
	if ((strcmp(from, "requested") == 0 && !ngo_side) ||
	    (strcmp(from, "invited") == 0 && r->user.id != s->company_id)) {
		r->detail = "error_detail.sponsor_side";
		s->st = HTTP_FORBIDDEN;
		goto out;
	}
	if (s->accept && event_closed(ev)) {
		r->detail = "error_detail.event_closed";
		s->st = HTTP_CONFLICT;
		goto out;
	}
	s->status = s->accept ? "accepted" : "declined";
	if ((rc = db_exec(&stmts[STMT_SPONSOR_DECIDE], P(DB_TEXT(s->status),
	    DB_INT(s->event_id), DB_INT(s->company_id), DB_TEXT(from)), NULL,
	    NULL)) != DB_OK)
		goto out;
	rc = outbox_append(s->accept ? "sponsor.accepted" : "sponsor.declined",
	    json_pack("{s:I, s:I, s:I, s:s, s:s, s:I}", "event_id",
	    (json_int_t)s->event_id, "company_id", (json_int_t)s->company_id,
	    "organizer_id", (json_int_t)jint(ev, "organizer_id"), "title",
	    jstr(ev, "title"), "status", s->status, "by",
	    (json_int_t)r->user.id));
out:
	json_decref(row);
	json_decref(ev);
	return rc;
}

static enum http_status
sponsor_decide(struct req *r, json_t *m, bool accept)
{
	struct sptx	 s;
	enum db_status	 rc;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.event_id = r->id;
	s.company_id = r->match.nparams > 1 ? r->match.params[1].id : 0;
	s.accept = accept;
	r->has_invalid = false;
	rc = db_tx(decide_tx, &s);
	if (s.st != 0)
		return s.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "event_id", json_integer(s.event_id));
	json_object_set_new(m, "company_id", json_integer(s.company_id));
	json_object_set_new(m, "status", json_string(s.status));
	r->redirect = r->user.id == s.company_id ? arena_printf(r->arena,
	    "/events/%lld", (long long)s.event_id) : arena_printf(r->arena,
	    "/events/%lld/sponsors", (long long)s.event_id);
	r->flash = accept ? "sponsor_accepted" : "sponsor_declined";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/*
 * POST /events/{id}/sponsors/{company_id}/accept: the side that did not
 * ask (the company for an invitation; the organiser or an admin for a
 * request).  403 for the other side, 404 when there is no such
 * sponsorship, 409 once decided.
 */
static enum http_status
events_sponsor_accept(struct req *r, json_t *m)
{
	return sponsor_decide(r, m, true);
}

/*
 * POST /events/{id}/sponsors/{company_id}/decline: as accept.
 */
static enum http_status
events_sponsor_decline(struct req *r, json_t *m)
{
	return sponsor_decide(r, m, false);
}

/*
 * GET /events/{id}/sponsors: anyone who may see the event.  The
 * organiser and admins see every sponsorship with what they may answer
 * and, on the page, the companies they may invite; others see the
 * accepted ones and their own.  {items, next: null}.
 */
static enum http_status
events_sponsors(struct req *r, json_t *m)
{
	json_t		*e = NULL, *rows = NULL, *row, *companies = NULL;
	enum db_status	 rc;
	bool		 owner;
	size_t		 i;
	const char	*s;

	r->has_invalid = false;
	if ((rc = event_get(r, r->id, &e)) != DB_OK)
		return app_db_status(rc);
	owner = r->user.id != 0 && (jint(e, "organizer_id") == r->user.id ||
	    is_admin(r));
	rc = db_query(&stmts[STMT_SPONSORS_ALL], P(DB_INT(r->id),
	    DB_INT(r->user.id), DB_INT(owner)), &rows);
	if (rc != DB_OK)
		goto fail;
	json_array_foreach(rows, i, row) {
		s = jstr(row, "status");
		json_object_set_new(row, "status_name", json_string(i18n_get(
		    r->lang, arena_printf(r->arena, "events.sponsor_status.%s",
		    s))));
		json_object_set_new(row, "can_answer", json_boolean(
		    (strcmp(s, "requested") == 0 && owner) ||
		    (strcmp(s, "invited") == 0 &&
		    jint(row, "company_id") == r->user.id)));
	}
	if (owner && !r->api) {
		rc = db_query(&stmts[STMT_COMPANIES], P(DB_INT(r->id)),
		    &companies);
		if (rc != DB_OK)
			goto fail;
		json_object_set_new(m, "companies", companies);
	}
	json_object_set_new(e, "is_owner", json_boolean(owner));
	json_object_set_new(e, "can_invite", json_boolean(owner &&
	    strcmp(jstr(e, "status"), "published") == 0));
	json_object_set_new(m, "event", e);
	json_object_set_new(m, "items", rows);
	json_object_set_new(m, "next", json_null());
	return HTTP_OK;
fail:
	json_decref(rows);
	json_decref(e);
	return app_db_status(rc);
}

/* --- reactions ---------------------------------------------------------- */

struct reacttx {
	struct req	*r;
	bool		 add;
	json_int_t	 count;
	enum http_status st;
};

static enum db_status
react_tx(void *arg)
{
	struct reacttx	*x = arg;
	struct req	*r = x->r;
	json_t		*ev = NULL, *row = NULL;
	uint64_t	 n = 0;
	enum db_status	 rc;

	x->st = 0;
	if ((rc = lock_visible(r, r->id, &ev, &x->st)) != DB_OK)
		return rc;
	rc = db_exec(&stmts[x->add ? STMT_REACTION_ADD : STMT_REACTION_DELETE],
	    P(DB_INT(r->id), DB_INT(r->user.id)), &n, NULL);
	/* Only a real change moves the counter and tells anyone. */
	if (rc == DB_OK && n == 1 && (rc = db_exec(
	    &stmts[STMT_REACTIONS_MOVE], P(DB_INT(x->add ? 1 : -1),
	    DB_INT(r->id), DB_INT(x->add ? 1 : -1)), NULL, NULL)) == DB_OK)
		rc = outbox_append(x->add ? "reaction.added" :
		    "reaction.removed", json_pack("{s:I, s:I, s:I, s:s}",
		    "event_id", (json_int_t)r->id, "user_id",
		    (json_int_t)r->user.id, "organizer_id",
		    (json_int_t)jint(ev, "organizer_id"), "title",
		    jstr(ev, "title")));
	if (rc == DB_OK && (rc = db_query_one(&stmts[STMT_REACTIONS_COUNT],
	    P(DB_INT(r->id)), &row)) == DB_OK)
		x->count = jint(row, "reactions_count");
	json_decref(row);
	json_decref(ev);
	return rc;
}

static enum http_status
react(struct req *r, json_t *m, bool add)
{
	struct reacttx	 x = { r, add, 0, 0 };
	enum db_status	 rc;

	r->has_invalid = false;
	rc = db_tx(react_tx, &x);
	if (x.st != 0)
		return x.st;
	if (rc != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "event_id", json_integer(r->id));
	json_object_set_new(m, "reacted", json_boolean(add));
	json_object_set_new(m, "reactions_count", json_integer(x.count));
	r->redirect = arena_printf(r->arena, "/events/%lld", (long long)r->id);
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/*
 * POST /events/{id}/reaction: any signed-in account that may see the
 * event likes it; once per person, a second like changes nothing.
 * 200 {event_id, reacted, reactions_count}.
 */
static enum http_status
events_react(struct req *r, json_t *m)
{
	return react(r, m, true);
}

/*
 * DELETE /api/v1/events/{id}/reaction and POST /events/{id}/reaction/
 * delete: takes the caller's like back (nothing to take is fine).
 */
static enum http_status
events_unreact(struct req *r, json_t *m)
{
	return react(r, m, false);
}

/* --- iCalendar ---------------------------------------------------------- */

/*
 * Appends one content line, folded at 75 octets (continuations start
 * with a space) without splitting a UTF-8 sequence, ended by CRLF.
 */
static void
ics_line(struct buf *out, const char *line)
{
	size_t	 len = strlen(line), used = 0, take, room = ICS_FOLD;

	while (len - used > room) {
		take = room;
		/* Back off to the start of a character. */
		while (take > 0 && ((unsigned char)line[used + take] & 0xc0) ==
		    0x80)
			take--;
		buf_append(out, line + used, take);
		buf_puts(out, "\r\n ");
		used += take;
		room = ICS_FOLD - 1;
	}
	buf_append(out, line + used, len - used);
	buf_puts(out, "\r\n");
}

/* "NAME:" and a TEXT value escaped as RFC 5545 says: \\ \; \, \n. */
static void
ics_text(struct buf *out, const char *name, const char *text)
{
	struct buf	 line;
	const char	*p;

	buf_init(&line);
	buf_printf(&line, "%s:", name);
	for (p = text; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			buf_puts(&line, "\\\\");
			break;
		case ';':
			buf_puts(&line, "\\;");
			break;
		case ',':
			buf_puts(&line, "\\,");
			break;
		case '\r':
			if (p[1] != '\n')
				buf_puts(&line, "\\n");
			break;
		case '\n':
			buf_puts(&line, "\\n");
			break;
		default:
			buf_putc(&line, *p);
		}
	}
	ics_line(out, buf_str(&line));
	buf_free(&line);
}

/* "NAME:20300101T100000Z" from "2030-01-01T10:00:00Z". */
static void
ics_time(struct buf *out, const char *name, const char *iso)
{
	char	 line[64];

	if (strlen(iso) < 19)
		return;
	snprintf(line, sizeof(line), "%s:%.4s%.2s%.2sT%.2s%.2s%.2sZ", name,
	    iso, iso + 5, iso + 8, iso + 11, iso + 14, iso + 17);
	ics_line(out, line);
}

static void
ics_begin(struct req *r, struct buf *out, const char *name)
{
	buf_init(out);
	ics_line(out, "BEGIN:VCALENDAR");
	ics_line(out, "VERSION:2.0");
	ics_line(out, "PRODID:-//Agora//Events//ES");
	ics_line(out, "CALSCALE:GREGORIAN");
	ics_line(out, "METHOD:PUBLISH");
	if (name != NULL)
		ics_text(out, "X-WR-CALNAME", i18n_get(r->lang, name));
}

/* One VEVENT from an event row (the detail's or the feed's columns).
 * In a person's feed, a place not yet theirs (pending, waiting) is
 * tentative. */
static void
ics_event(struct req *r, struct buf *out, json_t *e)
{
	const char	*st = jstr(e, "status"), *mine = jstr(e, "participation");
	struct buf	 loc;
	bool		 tentative = strcmp(st, "draft") == 0 ||
			    strcmp(mine, "pending") == 0 ||
			    strcmp(mine, "waitlisted") == 0;

	localize(r, e, "place_name");
	localize(r, e, "city_name");
	ics_line(out, "BEGIN:VEVENT");
	ics_line(out, arena_printf(r->arena, "UID:event-%lld@%s",
	    (long long)jint(e, "id"), cfg_site_domain()));
	ics_time(out, "DTSTAMP", jstr(e, "updated_at"));
	ics_time(out, "LAST-MODIFIED", jstr(e, "updated_at"));
	ics_time(out, "DTSTART", jstr(e, "starts_at"));
	ics_time(out, "DTEND", jstr(e, "ends_at"));
	ics_text(out, "SUMMARY", jstr(e, "title"));
	ics_text(out, "DESCRIPTION", jstr(e, "description"));
	buf_init(&loc);
	if (*jstr(e, "place_name") != '\0')
		buf_printf(&loc, "%s, %s, ", jstr(e, "place_name"),
		    jstr(e, "place_address"));
	buf_puts(&loc, jstr(e, "city_name"));
	ics_text(out, "LOCATION", buf_str(&loc));
	buf_free(&loc);
	ics_line(out, strcmp(st, "cancelled") == 0 ? "STATUS:CANCELLED" :
	    tentative ? "STATUS:TENTATIVE" : "STATUS:CONFIRMED");
	ics_line(out, "END:VEVENT");
}

/* Hands a finished calendar to the core as the response body. */
static void
ics_end(struct req *r, struct buf *out, const char *filename)
{
	ics_line(out, "END:VCALENDAR");
	r->raw_len = out->len;
	r->raw_body = arena_strndup(r->arena, buf_str(out), out->len);
	r->raw_type = "text/calendar; charset=utf-8";
	r->raw_filename = filename;
	buf_free(out);
}

/*
 * GET /events/{id}.ics: anyone who may see the event (the route is
 * /events/{file}; the number is read here).  An RFC 5545 calendar with
 * one VEVENT.  404 for anything else under /events/ that is not a route.
 */
static enum http_status
events_ics(struct req *r, json_t *m)
{
	const char	*file = route_word(r, 0);
	size_t		 len = strlen(file);
	char		*num;
	int64_t		 id;
	json_t		*e = NULL;
	enum db_status	 rc;
	struct buf	 out;

	(void)m;	/* the body is the calendar */
	r->has_invalid = false;
	if (len <= 4 || strcmp(file + len - 4, ".ics") != 0)
		return HTTP_NOT_FOUND;
	num = arena_strndup(r->arena, file, len - 4);
	if (!valid_parse_id(num, &id))
		return HTTP_NOT_FOUND;
	rc = db_query_one(&stmts[STMT_EVENT_SHOW], P(DB_INT(id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), &e);
	if (rc != DB_OK)
		return app_db_status(rc);
	ics_begin(r, &out, NULL);
	ics_event(r, &out, e);
	ics_end(r, &out, arena_printf(r->arena, "event-%lld.ics",
	    (long long)id));
	json_decref(e);
	return HTTP_OK;
}

/*
 * GET /events/feed/{user_id}/{token}.ics: anyone holding the address, a
 * calendar of the events that person is enrolled in (pending, approved
 * or waitlisted; cancelled events stay, marked so).  The token is
 * feed_token()'s under the auth secret; a wrong or renewed one is a 404.
 */
static enum http_status
events_feed(struct req *r, json_t *m)
{
	const char	*file = route_word(r, 1), *want;
	size_t		 len = strlen(file);
	json_t		*rows = NULL, *row = NULL, *e;
	enum db_status	 rc;
	struct buf	 out;
	size_t		 i;

	(void)m;	/* the body is the calendar */
	r->has_invalid = false;
	if ((rc = feed_current(r, r->id, &want)) != DB_OK)
		return app_db_status(rc);
	if (len != strlen(want) + 4 || strcmp(file + len - 4, ".ics") != 0 ||
	    sodium_memcmp(file, want, strlen(want)) != 0)
		return HTTP_NOT_FOUND;
	rc = db_query_one(&stmts[STMT_USER_LIVE], P(DB_INT(r->id)), &row);
	json_decref(row);
	if (rc != DB_OK)
		return app_db_status(rc);
	if ((rc = db_query(&stmts[STMT_FEED], P(DB_INT(r->id),
	    DB_INT(FEED_MAX)), &rows)) != DB_OK)
		return app_db_status(rc);
	ics_begin(r, &out, "events.feed_name");
	json_array_foreach(rows, i, e)
		ics_event(r, &out, e);
	ics_end(r, &out, NULL);
	json_decref(rows);
	return HTTP_OK;
}

/* The caller's calendar address, renewed first when asked: {feed_url}
 * in the API; pages go back to the list, which shows it. */
static enum http_status
feed_answer(struct req *r, json_t *m, bool renew)
{
	const char	*feed;
	enum db_status	 rc;

	r->has_invalid = false;
	if (renew && (rc = db_exec(&stmts[STMT_FEED_RENEW],
	    P(DB_INT(r->user.id)), NULL, NULL)) != DB_OK)
		return app_db_status(rc);
	if ((rc = feed_path(r, &feed)) != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "feed_url", json_string(feed));
	r->flash = renew ? "feed_renewed" : NULL;
	r->redirect = "/events#feed-title";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/* GET /api/v1/events/feed: the signed-in person's calendar address. */
static enum http_status
events_feed_get(struct req *r, json_t *m)
{
	return feed_answer(r, m, false);
}

/*
 * POST /events/feed: the signed-in person's calendar gets a new private
 * address and the old one stops working (it was shared, or leaked).
 */
static enum http_status
events_feed_renew(struct req *r, json_t *m)
{
	return feed_answer(r, m, true);
}

/* --- CSV ---------------------------------------------------------------- */

/* One RFC 4180 field, always quoted; a cell a spreadsheet would take
 * for a formula gets a leading apostrophe. */
static void
csv_field(struct buf *out, const char *s, bool last)
{
	const char	*p;

	buf_putc(out, '"');
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' ||
	    *s == '\r')
		buf_putc(out, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(out, '"');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
	buf_puts(out, last ? "\r\n" : ",");
}

/*
 * GET /events/{id}/participants.csv: the organiser or an admin (404 for
 * anyone else).  UTF-8 with a byte-order mark, a header row, then name,
 * e-mail, status and enrolment time of every participation.
 */
static enum http_status
events_csv(struct req *r, json_t *m)
{
	json_t		*ev = NULL, *rows = NULL, *row, *names;
	enum db_status	 rc;
	struct buf	 out;
	size_t		 i;

	(void)m;	/* the body is the spreadsheet */
	r->has_invalid = false;
	rc = db_query_one(&stmts[STMT_EVENT_OWNED], P(DB_INT(r->id),
	    DB_INT(r->user.id), DB_INT(is_admin(r))), &ev);
	json_decref(ev);
	if (rc != DB_OK)
		return app_db_status(rc);
	if ((rc = db_query(&stmts[STMT_PARTICIPANTS], P(DB_INT(r->id)),
	    &rows)) != DB_OK)
		return app_db_status(rc);
	buf_init(&out);
	buf_puts(&out, "\xef\xbb\xbf");
	csv_field(&out, i18n_get(r->lang, "events.csv.name"), false);
	csv_field(&out, i18n_get(r->lang, "events.csv.email"), false);
	csv_field(&out, i18n_get(r->lang, "events.csv.status"), false);
	csv_field(&out, i18n_get(r->lang, "events.csv.enrolled_at"), true);
	names = participation_state_names();
	json_array_foreach(rows, i, row) {
		csv_field(&out, jstr(row, "name"), false);
		csv_field(&out, jstr(row, "email"), false);
		csv_field(&out, participation_state_word(r, names,
		    "events.participation", jstr(row, "status")), false);
		csv_field(&out, jstr(row, "created_at"), true);
	}
	json_decref(names);
	json_decref(rows);
	r->raw_len = out.len;
	r->raw_body = arena_strndup(r->arena, buf_str(&out), out.len);
	r->raw_type = "text/csv; charset=utf-8; header=present";
	r->raw_filename = arena_printf(r->arena, "event-%lld-participants.csv",
	    (long long)r->id);
	buf_free(&out);
	return HTTP_OK;
}

/* --- routes ------------------------------------------------------------- */

#define EV_ORG	(ROLE_ONG)
#define EV_SIDE	(ROLE_ONG | ROLE_EMPRESA)

static const struct route routes[] = {
	{ M_GET, "/events", events_list, ROLE_ANY, "events/list" },
	{ M_POST, "/events", events_create, EV_ORG, "events/form" },
	{ M_GET, "/events/new", events_new, EV_ORG, "events/form" },
	{ M_GET, "/events/feed/{user_id}/{token}", events_feed, ROLE_ANY,
	    NULL },
	{ M_GET, "/events/feed", events_feed_get, ROLE_USER, NULL },
	{ M_POST, "/events/feed", events_feed_renew, ROLE_USER, NULL },
	{ M_GET, "/events/{id}", events_show, ROLE_ANY, "events/show" },
	{ M_POST | M_PATCH, "/events/{id}", events_update, EV_ORG,
	    "events/form" },
	{ M_DELETE, "/events/{id}", events_delete, EV_ORG, NULL },
	{ M_GET, "/events/{id}/edit", events_edit, EV_ORG, "events/form" },
	{ M_POST, "/events/{id}/delete", events_delete, EV_ORG, NULL },
	{ M_POST, "/events/{id}/publish", events_publish, EV_ORG, NULL },
	{ M_POST, "/events/{id}/finish", events_finish, EV_ORG, NULL },
	{ M_POST, "/events/{id}/cancel", events_cancel, EV_ORG, NULL },
	{ M_GET, "/events/{id}/sponsors", events_sponsors, ROLE_ANY,
	    "events/sponsors" },
	{ M_POST, "/events/{id}/sponsors", events_sponsor, EV_SIDE, NULL },
	{ M_POST, "/events/{id}/sponsors/{company_id}/accept",
	    events_sponsor_accept, EV_SIDE, NULL },
	{ M_POST, "/events/{id}/sponsors/{company_id}/decline",
	    events_sponsor_decline, EV_SIDE, NULL },
	{ M_POST, "/events/{id}/reaction", events_react, ROLE_USER, NULL },
	{ M_DELETE, "/events/{id}/reaction", events_unreact, ROLE_USER, NULL },
	{ M_POST, "/events/{id}/reaction/delete", events_unreact, ROLE_USER,
	    NULL },
	{ M_GET, "/events/{id}/participants.csv", events_csv, ROLE_USER, NULL },
	/* After /events/{id}: "42.ics" is a word, not an id. */
	{ M_GET, "/events/{file}", events_ics, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app events = {
	"events", routes, fields, EV__MAX, stmts, STMT__MAX, NULL,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &events);
}
