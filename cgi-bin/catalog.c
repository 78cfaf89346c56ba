/*
 * catalog: the Events app's configuration catalogs, which every program
 * reads and only admins change: event types, mega-event categories,
 * cities, places (an address and WGS 84 coordinates for "near me"),
 * participation states and notification types.  Owns those six tables
 * (sql/004_events.sql, names made unique by sql/005_catalog_names.sql).
 *
 * Entries are never deleted: a retired entry stays on the records that
 * use it and leaves the public lists.  Participation states and
 * notification types carry fixed codes the programs rely on: admins may
 * rename and reorder them, but not add entries or retire those codes.
 * Every change appends catalog.changed {catalog, id, action} to the
 * outbox in its transaction.
 *
 *   GET  /catalog                             admin: the catalogs
 *   GET  /catalog/{name}?all=&city_id=&near=lat,lng&km=
 *                                             one catalog, anyone
 *   POST /catalog/{name}                      admin: a new entry
 *   GET  /catalog/{name}/{id}                 one entry (admin: its form)
 *   POST /catalog/{name}/{id}, PATCH /api/v1/catalog/{name}/{id}
 *                                             admin: rename, position, place,
 *                                             a city's time zone
 *   POST /catalog/{name}/{id}/move            admin: {direction: up|down}
 *   POST /catalog/{name}/{id}/retire          admin
 *   POST /catalog/{name}/{id}/restore         admin
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "req.h"
#include "tz.h"

#define KM_DEFAULT	10.0	/* "near me" radius when km is absent */
#define NEAR_MAX	200	/* places a "near me" search returns */

enum ca_field {
	CA_NAME, CA_NAME_EN, CA_POSITION, CA_CITY_ID, CA_ADDRESS, CA_LAT,
	CA_LNG, CA_DIRECTION, CA_ALL, CA_NEAR, CA_KM, CA_TIMEZONE, CA__MAX
};

#define F(x)	REQ_F(x)

static bool	valid_decimal(const struct field *, const char *, size_t,
		    const char **);
static bool	valid_near(const struct field *, const char *, size_t,
		    const char **);
static bool	valid_zone(const struct field *, const char *, size_t,
		    const char **);

static const char *const directions[] = { "up", "down", NULL };

static const struct field fields[CA__MAX] = {
	{ "name", valid_line, 1, 100, NULL },		/* CA_NAME */
	{ "name_en", valid_line, 0, 100, NULL },	/* CA_NAME_EN */
	{ "position", valid_int, 0, 1000000, NULL },	/* CA_POSITION */
	{ "city_id", valid_id, 0, 0, NULL },		/* CA_CITY_ID */
	{ "address", valid_line, 1, 300, NULL },	/* CA_ADDRESS */
	{ "lat", valid_decimal, -90, 90, NULL },	/* CA_LAT */
	{ "lng", valid_decimal, -180, 180, NULL },	/* CA_LNG */
	{ "direction", valid_enum, 0, 0, directions },	/* CA_DIRECTION */
	{ "all", valid_bool, 0, 0, NULL },		/* CA_ALL */
	{ "near", valid_near, 0, 0, NULL },		/* CA_NEAR */
	{ "km", valid_decimal, 0, 20040, NULL },	/* CA_KM */
	{ "timezone", valid_zone, 0, 0, NULL },		/* CA_TIMEZONE */
};

/* The catalogs, in the order of their statement blocks. */
enum ca_cat {
	CAT_EVENT_TYPES, CAT_MEGAEVENT_CATEGORIES, CAT_CITIES, CAT_PLACES,
	CAT_PARTICIPATION_STATES, CAT_NOTIFICATION_TYPES, CAT__MAX
};

enum ca_kind {
	KIND_PLAIN,		/* name, name_en, position */
	KIND_CODED,		/* and a fixed code */
	KIND_PLACE,		/* and city, address, coordinates */
};

/* The codes other programs look entries up by: never retired. */
static const char *const participation_codes[] = {
	"pending", "approved", "rejected", "cancelled", "waitlisted", NULL
};
static const char *const notification_codes[] = {
	"enrolment_received", "enrolment_approved", "enrolment_rejected",
	"event_published", "event_changed", "event_cancelled",
	"sponsorship_requested", "sponsorship_accepted", "password_reset",
	"event_reminder", NULL
};

struct catalog {
	const char		*slug;		/* "event-types", in URLs */
	const char		*key;		/* "event_types", in the i18n catalog */
	enum ca_kind		 kind;
	const char *const	*codes;		/* KIND_CODED: codes in use */
};

static const struct catalog catalogs[CAT__MAX] = {
	{ "event-types", "event_types", KIND_PLAIN, NULL },
	{ "megaevent-categories", "megaevent_categories", KIND_PLAIN, NULL },
	{ "cities", "cities", KIND_PLAIN, NULL },
	{ "places", "places", KIND_PLACE, NULL },
	{ "participation-states", "participation_states", KIND_CODED,
	    participation_codes },
	{ "notification-types", "notification_types", KIND_CODED,
	    notification_codes },
};

/* Each catalog has one block of these statements, in this order. */
enum ca_op {
	OP_LIST, OP_GET, OP_LOCK, OP_INSERT, OP_UPDATE, OP_RETIRE, OP_RESTORE,
	OP_ORDER, OP_POSITION, OP__MAX
};

enum ca_stmt {
	STMT_PLACE_NEAR = CAT__MAX * OP__MAX,
	STMT_CITY_ACTIVE,
	STMT_PLACE_USED,
	STMT_COUNTS,
	STMT__MAX
};

/*
 * The statements of a catalog without coordinates; cols adds columns
 * (", code").  Table names are literals pasted at compile time.
 */
#define SIMPLE_STMTS(t, cols)						\
	/* OP_LIST */							\
	{ "SELECT id, name, name_en, position, retired_at" cols " FROM " \
	  t " WHERE (? = 1 OR retired_at IS NULL) "			\
	  "ORDER BY position, name, id", NULL, 0 },			\
	/* OP_GET */							\
	{ "SELECT id, name, name_en, position, retired_at" cols " FROM " \
	  t " WHERE id = ?", NULL, 0 },					\
	/* OP_LOCK */							\
	{ "SELECT id, retired_at" cols " FROM " t " WHERE id = ? "	\
	  "FOR UPDATE", NULL, 0 },					\
	/* OP_INSERT: a new entry goes where asked, else last */	\
	{ "INSERT INTO " t " (name, name_en, position) SELECT ?, "	\
	  "NULLIF(?, ''), COALESCE(?, COALESCE(MAX(position), 0) + 1) "	\
	  "FROM " t, NULL, 0 },						\
	/* OP_UPDATE: NULL keeps a column; "" clears name_en */		\
	{ "UPDATE " t " SET name = COALESCE(?, name), "			\
	  "name_en = IF(? IS NULL, name_en, NULLIF(?, '')), "		\
	  "position = COALESCE(?, position) WHERE id = ?", NULL, 0 },	\
	/* OP_RETIRE */							\
	{ "UPDATE " t " SET retired_at = UTC_TIMESTAMP() WHERE id = ? "	\
	  "AND retired_at IS NULL", NULL, 0 },				\
	/* OP_RESTORE */						\
	{ "UPDATE " t " SET retired_at = NULL WHERE id = ? "		\
	  "AND retired_at IS NOT NULL", NULL, 0 },			\
	/* OP_ORDER: the whole list, locked while it is renumbered */	\
	{ "SELECT id, retired_at FROM " t " ORDER BY position, name, id " \
	  "FOR UPDATE", NULL, 0 },					\
	/* OP_POSITION */						\
	{ "UPDATE " t " SET position = ? WHERE id = ?", NULL, 0 }

#define PLACE_COLS							\
	"SELECT p.id, p.name, p.name_en, p.position, p.retired_at, "	\
	"p.city_id, c.name AS city_name, c.name_en AS city_name_en, "	\
	"p.address, CAST(p.lat AS DOUBLE) AS lat, "			\
	"CAST(p.lng AS DOUBLE) AS lng"

static struct db_stmt stmts[STMT__MAX] = {
	SIMPLE_STMTS("event_types", ""),
	SIMPLE_STMTS("megaevent_categories", ""),
	/* CAT_CITIES: as SIMPLE_STMTS, and each city's time zone */
	/* OP_LIST */
	{ "SELECT id, name, name_en, timezone, position, retired_at FROM "
	  "cities WHERE (? = 1 OR retired_at IS NULL) "
	  "ORDER BY position, name, id", NULL, 0 },
	/* OP_GET */
	{ "SELECT id, name, name_en, timezone, position, retired_at FROM "
	  "cities WHERE id = ?", NULL, 0 },
	/* OP_LOCK */
	{ "SELECT id, retired_at FROM cities WHERE id = ? FOR UPDATE",
	  NULL, 0 },
	/* OP_INSERT: no zone sent is the column's default */
	{ "INSERT INTO cities (name, name_en, timezone, position) SELECT ?, "
	  "NULLIF(?, ''), COALESCE(?, DEFAULT(timezone)), "
	  "COALESCE(?, COALESCE(MAX(position), 0) + 1) FROM cities", NULL, 0 },
	/* OP_UPDATE: NULL keeps a column; "" clears name_en */
	{ "UPDATE cities SET name = COALESCE(?, name), "
	  "name_en = IF(? IS NULL, name_en, NULLIF(?, '')), "
	  "timezone = COALESCE(?, timezone), "
	  "position = COALESCE(?, position) WHERE id = ?", NULL, 0 },
	/* OP_RETIRE */
	{ "UPDATE cities SET retired_at = UTC_TIMESTAMP() WHERE id = ? "
	  "AND retired_at IS NULL", NULL, 0 },
	/* OP_RESTORE */
	{ "UPDATE cities SET retired_at = NULL WHERE id = ? "
	  "AND retired_at IS NOT NULL", NULL, 0 },
	/* OP_ORDER */
	{ "SELECT id, retired_at FROM cities ORDER BY position, name, id "
	  "FOR UPDATE", NULL, 0 },
	/* OP_POSITION */
	{ "UPDATE cities SET position = ? WHERE id = ?", NULL, 0 },
	/* CAT_PLACES: OP_LIST */
	{ PLACE_COLS " FROM places p JOIN cities c ON c.id = p.city_id "
	  "WHERE (? = 1 OR p.retired_at IS NULL) AND "
	  "(? IS NULL OR p.city_id = ?) ORDER BY p.position, p.name, p.id",
	  NULL, 0 },
	/* CAT_PLACES: OP_GET */
	{ PLACE_COLS " FROM places p JOIN cities c ON c.id = p.city_id "
	  "WHERE p.id = ?", NULL, 0 },
	/* CAT_PLACES: OP_LOCK */
	{ "SELECT id, retired_at, city_id FROM places WHERE id = ? "
	  "FOR UPDATE", NULL, 0 },
	/* CAT_PLACES: OP_INSERT; location is POINT(lng, lat) */
	{ "INSERT INTO places (city_id, name, name_en, address, lat, lng, "
	  "location, position) SELECT ?, ?, NULLIF(?, ''), ?, ?, ?, "
	  "POINT(?, ?), COALESCE(?, COALESCE(MAX(position), 0) + 1) "
	  "FROM places", NULL, 0 },
	/* CAT_PLACES: OP_UPDATE; assignments run left to right, so
	 * location is built from the new lat and lng */
	{ "UPDATE places SET name = COALESCE(?, name), "
	  "name_en = IF(? IS NULL, name_en, NULLIF(?, '')), "
	  "position = COALESCE(?, position), city_id = COALESCE(?, city_id), "
	  "address = COALESCE(?, address), lat = COALESCE(?, lat), "
	  "lng = COALESCE(?, lng), location = POINT(lng, lat) WHERE id = ?",
	  NULL, 0 },
	/* CAT_PLACES: OP_RETIRE */
	{ "UPDATE places SET retired_at = UTC_TIMESTAMP() WHERE id = ? "
	  "AND retired_at IS NULL", NULL, 0 },
	/* CAT_PLACES: OP_RESTORE */
	{ "UPDATE places SET retired_at = NULL WHERE id = ? "
	  "AND retired_at IS NOT NULL", NULL, 0 },
	/* CAT_PLACES: OP_ORDER */
	{ "SELECT id, retired_at FROM places ORDER BY position, name, id "
	  "FOR UPDATE", NULL, 0 },
	/* CAT_PLACES: OP_POSITION */
	{ "UPDATE places SET position = ? WHERE id = ?", NULL, 0 },
	SIMPLE_STMTS("participation_states", ", code"),
	SIMPLE_STMTS("notification_types", ", code"),
	/* STMT_PLACE_NEAR: the bounding box lets the spatial index pick
	 * the candidates; the sphere distance decides */
	{ PLACE_COLS ", ROUND(ST_Distance_Sphere(p.location, POINT(?, ?)) / "
	  "1000, 3) AS distance_km FROM places p JOIN cities c "
	  "ON c.id = p.city_id WHERE MBRContains(ST_Envelope(LineString("
	  "POINT(?, ?), POINT(?, ?))), p.location) AND "
	  "ST_Distance_Sphere(p.location, POINT(?, ?)) <= ? AND "
	  "(? = 1 OR p.retired_at IS NULL) AND (? IS NULL OR p.city_id = ?) "
	  "ORDER BY distance_km, p.id LIMIT ?", NULL, 0 },
	/* STMT_CITY_ACTIVE */
	{ "SELECT id FROM cities WHERE id = ? AND retired_at IS NULL",
	  NULL, 0 },
	/* STMT_PLACE_USED: events (owned by the events program) held there */
	{ "SELECT id FROM events WHERE place_id = ? LIMIT 1", NULL, 0 },
	/* STMT_COUNTS */
	{ "SELECT 'event-types' AS slug, COUNT(*) AS total, "
	  "COUNT(retired_at) AS retired FROM event_types UNION ALL "
	  "SELECT 'megaevent-categories', COUNT(*), COUNT(retired_at) "
	  "FROM megaevent_categories UNION ALL "
	  "SELECT 'cities', COUNT(*), COUNT(retired_at) FROM cities UNION ALL "
	  "SELECT 'places', COUNT(*), COUNT(retired_at) FROM places UNION ALL "
	  "SELECT 'participation-states', COUNT(*), COUNT(retired_at) "
	  "FROM participation_states UNION ALL "
	  "SELECT 'notification-types', COUNT(*), COUNT(retired_at) "
	  "FROM notification_types", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

static struct db_stmt *
op_stmt(enum ca_cat cat, enum ca_op op)
{
	return &stmts[cat * OP__MAX + op];
}

/* Copies a decimal's bytes into buf; false when it cannot be one. */
static bool
decimal_copy(const char *val, size_t len, char *buf, size_t bufsz)
{
	size_t	 i;

	if (len == 0 || len >= bufsz)
		return false;
	for (i = 0; i < len; i++)
		if (strchr("0123456789+-.eE", val[i]) == NULL || val[i] == '\0')
			return false;
	memcpy(buf, val, len);
	buf[len] = '\0';
	return true;
}

/* A decimal number (what JSON numbers become) as a double. */
static bool
decimal_parse(const char *s, double *out)
{
	char	*end;
	double	 d;

	d = strtod(s, &end);
	if (end == s || *end != '\0' || !isfinite(d))
		return false;
	*out = d;
	return true;
}

/*
 * A decimal number such as "-3.7108" (a JSON number is sent as one)
 * within [f->min, f->max]: coordinates and distances.
 */
static bool
valid_decimal(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	char	 buf[40];
	double	 d;

	if (!decimal_copy(val, len, buf, sizeof(buf)) ||
	    !decimal_parse(buf, &d)) {
		if (reason != NULL)
			*reason = "valid.catalog_bad_decimal";
		return false;
	}
	if (f != NULL && (d < (double)f->min || d > (double)f->max)) {
		if (reason != NULL)
			*reason = "valid.out_of_range";
		return false;
	}
	return true;
}

/* "lat,lng" as two doubles; false unless both are in range. */
static bool
near_parse(const char *val, size_t len, double *lat, double *lng)
{
	const char	*comma;
	char		 a[40], b[40];

	if ((comma = memchr(val, ',', len)) == NULL)
		return false;
	if (!decimal_copy(val, (size_t)(comma - val), a, sizeof(a)) ||
	    !decimal_copy(comma + 1, len - (size_t)(comma - val) - 1, b,
	    sizeof(b)) || !decimal_parse(a, lat) || !decimal_parse(b, lng))
		return false;
	return *lat >= -90 && *lat <= 90 && *lng >= -180 && *lng <= 180;
}

/* "?near=lat,lng": a point on Earth, latitude first. */
static bool
valid_near(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	double	 lat, lng;

	(void)f;	/* the point carries its own bounds */
	if (near_parse(val, len, &lat, &lng))
		return true;
	if (reason != NULL)
		*reason = "valid.catalog_bad_near";
	return false;
}

/*
 * A city's time zone: an IANA name the zone database knows, such as
 * Europe/Madrid, so that every event time in that city converts.
 */
static bool
valid_zone(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	char	 name[TZ_NAME_MAX + 1];

	(void)f;	/* the database is the list of choices */
	if (len > 0 && len <= TZ_NAME_MAX && memchr(val, '\0', len) == NULL) {
		memcpy(name, val, len);
		name[len] = '\0';
		if (tz_valid(name))
			return true;
	}
	if (reason != NULL)
		*reason = "valid.catalog_bad_timezone";
	return false;
}

/* The catalog named by the path's {name}, or -1. */
static int
path_catalog(const struct req *r)
{
	const struct route_param	*p;
	size_t				 i;
	int				 c;

	for (i = 0; i < r->match.nparams; i++) {
		p = &r->match.params[i];
		if (p->namelen != 4 || strncmp(p->name, "name", 4) != 0)
			continue;
		for (c = 0; c < CAT__MAX; c++)
			if (strlen(catalogs[c].slug) == p->len &&
			    strncmp(catalogs[c].slug, p->value, p->len) == 0)
				return c;
	}
	return -1;
}

static bool
is_admin(const struct req *r)
{
	return (r->user.role & ROLE_ADMIN) != 0;
}

static const char *
cat_title(struct req *r, enum ca_cat cat)
{
	return i18n_get(r->lang, arena_printf(r->arena, "catalog.names.%s",
	    catalogs[cat].key));
}

/* Whether code is one the programs rely on. */
static bool
code_needed(enum ca_cat cat, const char *code)
{
	const char *const	*c;

	if (catalogs[cat].codes == NULL || code == NULL)
		return false;
	for (c = catalogs[cat].codes; *c != NULL; c++)
		if (strcmp(*c, code) == 0)
			return true;
	return false;
}

/* The English name when English is asked for and there is one. */
static void
pick_name(json_t *row, const char *lang, const char *name, const char *en)
{
	json_t	*e = json_object_get(row, en);

	if (strcmp(lang, "en") == 0 && json_string_length(e) > 0)
		json_object_set(row, name, e);
}

/*
 * Shapes a row for the caller: "name" in the request's language; admins
 * also get name_es, name_en and retired_at, and pages the flags their
 * forms need.
 */
static void
shape_item(struct req *r, enum ca_cat cat, json_t *row)
{
	bool		 admin = is_admin(r), retired;
	const char	*code;

	retired = !json_is_null(json_object_get(row, "retired_at"));
	if (admin) {
		json_object_set(row, "name_es", json_object_get(row, "name"));
		if (json_object_get(row, "name_en") == NULL)
			json_object_set_new(row, "name_en", json_null());
	}
	pick_name(row, r->lang, "name", "name_en");
	if (catalogs[cat].kind == KIND_PLACE) {
		pick_name(row, r->lang, "city_name", "city_name_en");
		json_object_del(row, "city_name_en");
	}
	if (!admin) {
		json_object_del(row, "name_en");
		json_object_del(row, "retired_at");
	}
	if (admin && !r->api) {
		code = json_string_value(json_object_get(row, "code"));
		json_object_set_new(row, "retired", json_boolean(retired));
		json_object_set_new(row, "can_retire", json_boolean(!retired &&
		    !code_needed(cat, code)));
	}
}

static json_t *
catalog_info(struct req *r, enum ca_cat cat)
{
	enum ca_kind	 k = catalogs[cat].kind;

	return json_pack("{s:s, s:s, s:s, s:b, s:b, s:b, s:b}", "slug",
	    catalogs[cat].slug, "title", cat_title(r, cat), "about",
	    i18n_get(r->lang, arena_printf(r->arena, "catalog.about.%s",
	    catalogs[cat].key)), "is_place", k == KIND_PLACE, "is_city",
	    cat == CAT_CITIES, "is_coded", k == KIND_CODED, "can_create",
	    k != KIND_CODED);
}

/* The active cities for a place's form and the places filter, the
 * chosen one and the filtered one marked. */
static enum db_status
load_cities(struct req *r, json_t *m, long long chosen, long long filtered)
{
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	size_t		 i;
	json_int_t	 id;

	rc = db_query(op_stmt(CAT_CITIES, OP_LIST), P(DB_INT(0)), &rows);
	if (rc != DB_OK)
		return rc;
	json_array_foreach(rows, i, row) {
		pick_name(row, r->lang, "name", "name_en");
		id = json_integer_value(json_object_get(row, "id"));
		json_object_set_new(row, "selected", json_boolean(id == chosen));
		json_object_set_new(row, "filtered", json_boolean(id ==
		    filtered));
	}
	json_object_set_new(m, "cities", rows);
	return DB_OK;
}

/* The chosen city of a form: what was typed, else the stored one. */
static long long
chosen_city(struct req *r, json_t *item)
{
	int64_t	 id;

	if (r->values[CA_CITY_ID] != NULL &&
	    valid_parse_id(r->values[CA_CITY_ID], &id))
		return id;
	return item != NULL ? json_integer_value(json_object_get(item,
	    "city_id")) : 0;
}

struct list_query {
	bool		 all;		/* retired entries too (admins) */
	long long	 city;		/* places of one city, or 0 */
	bool		 near;
	double		 lat, lng, km;
	const char	*near_text;	/* the filters as typed, for the form */
	const char	*km_text;
};

/*
 * A lower bound of cos(x) for |x| < 1.56 (89.4 degrees): the series cut
 * after a negative term.  Dividing by it only widens the search box,
 * which the sphere distance then trims; the programs link no libm.
 */
static double
cos_below(double x)
{
	double	 x2 = x * x;

	return 1.0 - x2 / 2.0 + x2 * x2 / 24.0 - x2 * x2 * x2 / 720.0;
}

/* Runs the list statement of a catalog. */
static enum db_status
query_list(enum ca_cat cat, const struct list_query *q, json_t **rows)
{
	double		 dlat, dlng, minx, maxx, miny, maxy, far;
	struct db_param	 city;

	city = q->city > 0 ? DB_INT(q->city) : DB_NULL;
	if (cat != CAT_PLACES)
		return db_query(op_stmt(cat, OP_LIST), P(DB_INT(q->all)), rows);
	if (!q->near)
		return db_query(op_stmt(cat, OP_LIST), P(DB_INT(q->all), city,
		    city), rows);
	/* A box around the circle, a little larger; where it would cross
	 * a pole or the antimeridian it spans every longitude. */
	dlat = q->km / 111.0 + 0.001;
	miny = q->lat - dlat;
	maxy = q->lat + dlat;
	dlng = 180.0;
	far = fabs(miny) > fabs(maxy) ? fabs(miny) : fabs(maxy);
	if (far < 89.0)
		dlng = dlat / cos_below(far * M_PI / 180.0);
	minx = q->lng - dlng;
	maxx = q->lng + dlng;
	if (minx < -180.0 || maxx > 180.0) {
		minx = -180.0;
		maxx = 180.0;
	}
	if (miny < -90.0)
		miny = -90.0;
	if (maxy > 90.0)
		maxy = 90.0;
	return db_query(&stmts[STMT_PLACE_NEAR], P(DB_DOUBLE(q->lng),
	    DB_DOUBLE(q->lat), DB_DOUBLE(minx), DB_DOUBLE(miny),
	    DB_DOUBLE(maxx), DB_DOUBLE(maxy), DB_DOUBLE(q->lng),
	    DB_DOUBLE(q->lat), DB_DOUBLE(q->km * 1000.0), DB_INT(q->all),
	    city, city, DB_INT(NEAR_MAX)), rows);
}

/* Fills the list model of a catalog: {catalog, items, next}. */
static enum db_status
fill_list(struct req *r, json_t *m, enum ca_cat cat,
    const struct list_query *q)
{
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	size_t		 i, n;

	if ((rc = query_list(cat, q, &rows)) != DB_OK)
		return rc;
	n = json_array_size(rows);
	json_array_foreach(rows, i, row) {
		shape_item(r, cat, row);
		if (!r->api) {
			json_object_set_new(row, "first", json_boolean(i == 0));
			json_object_set_new(row, "last", json_boolean(i + 1 == n));
		}
	}
	json_object_set_new(m, "catalog", catalog_info(r, cat));
	json_object_set_new(m, "items", rows);
	json_object_set_new(m, "next", json_null());
	if (r->api)
		return DB_OK;
	json_object_set_new(m, "is_admin", json_boolean(is_admin(r)));
	json_object_set_new(m, "all", json_boolean(q->all));
	json_object_set_new(m, "filter", json_pack("{s:s, s:s, s:b}", "near",
	    q->near ? q->near_text : "", "km", q->km_text ? q->km_text : "",
	    "active", q->near || q->city > 0));
	if (cat == CAT_PLACES)
		return load_cities(r, m, chosen_city(r, NULL), q->city);
	return DB_OK;
}

/* A page's form failed: the list again, with what was typed. */
static enum http_status
list_again(struct req *r, json_t *m, enum ca_cat cat, enum http_status st)
{
	struct list_query	 q = { true, 0, false, 0, 0, 0, NULL, NULL };
	enum db_status		 rc;

	if (r->api)
		return st;
	if ((rc = fill_list(r, m, cat, &q)) != DB_OK)
		return app_db_status(rc);
	return st;
}

/*
 * GET /catalog: the six catalogs with their counts of active and
 * retired entries.  Admins only.  {items: [{slug, title, total,
 * active, retired}], next: null}.
 */
static enum http_status
catalog_index(struct req *r, json_t *m)
{
	json_t		*rows = NULL, *row, *info;
	enum db_status	 rc;
	size_t		 i;
	int		 c;
	const char	*slug;
	json_int_t	 total, retired;

	req_only(r, 0);
	if ((rc = db_query(&stmts[STMT_COUNTS], DB_NOPARAMS, &rows)) != DB_OK)
		return app_db_status(rc);
	json_array_foreach(rows, i, row) {
		slug = json_string_value(json_object_get(row, "slug"));
		for (c = 0; c < CAT__MAX; c++)
			if (slug != NULL && strcmp(slug, catalogs[c].slug) == 0) {
				/* This replaces "slug" too: slug is gone. */
				info = catalog_info(r, c);
				json_object_update(row, info);
				json_decref(info);
				break;
			}
		total = json_integer_value(json_object_get(row, "total"));
		retired = json_integer_value(json_object_get(row, "retired"));
		json_object_set_new(row, "active", json_integer(total - retired));
	}
	json_object_set_new(m, "items", rows);
	json_object_set_new(m, "next", json_null());
	return HTTP_OK;
}

/*
 * GET /catalog/{name}: anyone.  Active entries ordered by position then
 * name, "name" in the request's language.  ?all=1 adds retired ones for
 * admins.  Places: ?city_id= filters; ?near=lat,lng&km=N keeps those
 * within N km (10 by default), nearest first, with distance_km.
 * {items, next: null}; 404 for an unknown catalog, 422 for a bad filter.
 */
static enum http_status
catalog_list(struct req *r, json_t *m)
{
	struct list_query	 q = { false, 0, false, 0, 0, KM_DEFAULT, NULL,
				    NULL };
	const char		*near;
	enum db_status		 rc;
	int			 cat;

	if ((cat = path_catalog(r)) < 0)
		return HTTP_NOT_FOUND;
	if (!req_only(r, F(CA_ALL) | F(CA_CITY_ID) | F(CA_NEAR) | F(CA_KM)))
		return HTTP_UNPROCESSABLE;
	q.all = is_admin(r) && req_bool(r, CA_ALL, false);
	if (cat == CAT_PLACES) {
		if (req_value(r, CA_CITY_ID) != NULL)
			valid_parse_int(req_value(r, CA_CITY_ID), 1, INT64_MAX,
			    &q.city);
		if ((near = req_value(r, CA_NEAR)) != NULL) {
			q.near = near_parse(near, strlen(near), &q.lat, &q.lng);
			q.near_text = near;
			if ((q.km_text = req_value(r, CA_KM)) != NULL)
				decimal_parse(q.km_text, &q.km);
		}
	}
	if ((rc = fill_list(r, m, cat, &q)) != DB_OK)
		return app_db_status(rc);
	return HTTP_OK;
}

/* Reads one entry, shaped for the caller. */
static enum db_status
load_item(struct req *r, enum ca_cat cat, int64_t id, json_t **item)
{
	enum db_status	 rc;

	if ((rc = db_query_one(op_stmt(cat, OP_GET), P(DB_INT(id)), item)) !=
	    DB_OK)
		return rc;
	shape_item(r, cat, *item);
	return DB_OK;
}

/* Fills the one-entry model: {catalog, item, ...item}. */
static enum http_status
fill_item(struct req *r, json_t *m, enum ca_cat cat, int64_t id)
{
	json_t		*item = NULL;
	enum db_status	 rc;

	if ((rc = load_item(r, cat, id, &item)) != DB_OK)
		return app_db_status(rc);
	json_object_update(m, item);
	if (!r->api) {
		json_object_set_new(m, "catalog", catalog_info(r, cat));
		json_object_set_new(m, "is_admin", json_boolean(is_admin(r)));
		json_object_set(m, "item", item);
		if (is_admin(r) && cat == CAT_PLACES &&
		    (rc = load_cities(r, m, chosen_city(r, item), 0)) != DB_OK) {
			json_decref(item);
			return app_db_status(rc);
		}
	}
	json_decref(item);
	return HTTP_OK;
}

/*
 * GET /catalog/{name}/{id}: one entry; anyone, except that a retired
 * entry is 404 to everyone but admins.  Admins get its edit form.
 */
static enum http_status
catalog_show(struct req *r, json_t *m)
{
	json_t		*row = NULL;
	enum db_status	 rc;
	int		 cat;

	if ((cat = path_catalog(r)) < 0)
		return HTTP_NOT_FOUND;
	req_only(r, 0);
	if (!is_admin(r)) {
		rc = db_query_one(op_stmt(cat, OP_GET), P(DB_INT(r->id)), &row);
		if (rc != DB_OK)
			return app_db_status(rc);
		rc = json_is_null(json_object_get(row, "retired_at")) ? DB_OK :
		    DB_NOTFOUND;
		json_decref(row);
		if (rc != DB_OK)
			return HTTP_NOT_FOUND;
	}
	return fill_item(r, m, cat, r->id);
}

/* One write: what it changes and how it ended. */
struct change {
	struct req		*r;
	enum ca_cat		 cat;
	int64_t			 id;		/* the entry */
	const char		*action;	/* outbox action */
	enum http_status	 st;		/* a refusal, or HTTP_OK */
	bool			 changed;	/* anything written */
};

static enum db_status
announce(struct change *c)
{
	c->changed = true;
	return outbox_append("catalog.changed", json_pack("{s:s, s:I, s:s}",
	    "catalog", catalogs[c->cat].slug, "id", (json_int_t)c->id,
	    "action", c->action));
}

/* A refusal inside a transaction: rolls back, the handler answers st. */
static enum db_status
refuse(struct change *c, enum http_status st, size_t field,
    const char *reason, const char *detail)
{
	c->st = st;
	if (reason != NULL)
		req_set_invalid(c->r, field, reason);
	if (detail != NULL)
		c->r->detail = detail;
	return DB_NOTFOUND;
}

/* A place's city must exist and be in use. */
static enum db_status
check_city(struct change *c, const char *city)
{
	json_t		*row = NULL;
	enum db_status	 rc;
	int64_t		 id;

	if (city == NULL || !valid_parse_id(city, &id))
		return DB_OK;
	rc = db_query_one(&stmts[STMT_CITY_ACTIVE], P(DB_INT(id)), &row);
	json_decref(row);
	if (rc == DB_NOTFOUND)
		return refuse(c, HTTP_UNPROCESSABLE, CA_CITY_ID,
		    "valid.catalog_unknown_city", NULL);
	return rc;
}

/* An event's place stays in its city: moving the place elsewhere would
 * leave the event in one city and at a place in another. */
static enum db_status
check_unused(struct change *c)
{
	json_t		*row = NULL;
	enum db_status	 rc;

	rc = db_query_one(&stmts[STMT_PLACE_USED], P(DB_INT(c->id)), &row);
	json_decref(row);
	if (rc == DB_OK)
		return refuse(c, HTTP_CONFLICT, 0, NULL,
		    "error_detail.catalog_place_used");
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

/* Parses a validated decimal field; NaN when absent. */
static double
field_double(const struct req *r, size_t f)
{
	double		 d;
	const char	*v = req_value(r, f);

	if (v == NULL || !decimal_parse(v, &d))
		return NAN;
	return d;
}

static struct db_param
opt_double(const struct req *r, size_t f)
{
	double	 d = field_double(r, f);

	return isnan(d) ? DB_NULL : DB_DOUBLE(d);
}

/* A duplicate name: 409 with the name field marked. */
static enum db_status
conflict_name(struct change *c, enum db_status rc)
{
	if (rc != DB_CONFLICT)
		return rc;
	return refuse(c, HTTP_CONFLICT, CA_NAME, "valid.catalog_duplicate",
	    "error_detail.catalog_duplicate");
}

static enum db_status
create_tx(void *arg)
{
	struct change	*c = arg;
	struct req	*r = c->r;
	enum db_status	 rc;
	uint64_t	 id = 0;
	double		 lat, lng;

	c->st = HTTP_OK;
	if (c->cat == CAT_PLACES) {
		if ((rc = check_city(c, req_value(r, CA_CITY_ID))) != DB_OK)
			return rc;
		lat = field_double(r, CA_LAT);
		lng = field_double(r, CA_LNG);
		rc = db_exec(op_stmt(c->cat, OP_INSERT), P(DB_TEXT(req_value(r,
		    CA_CITY_ID)), DB_TEXT(req_value(r, CA_NAME)),
		    DB_TEXT(req_value(r, CA_NAME_EN)), DB_TEXT(req_value(r,
		    CA_ADDRESS)), DB_DOUBLE(lat), DB_DOUBLE(lng), DB_DOUBLE(lng),
		    DB_DOUBLE(lat), DB_TEXT(req_value(r, CA_POSITION))), NULL,
		    &id);
	} else if (c->cat == CAT_CITIES)
		rc = db_exec(op_stmt(c->cat, OP_INSERT), P(DB_TEXT(req_value(r,
		    CA_NAME)), DB_TEXT(req_value(r, CA_NAME_EN)),
		    DB_TEXT(req_value(r, CA_TIMEZONE)), DB_TEXT(req_value(r,
		    CA_POSITION))), NULL, &id);
	else
		rc = db_exec(op_stmt(c->cat, OP_INSERT), P(DB_TEXT(req_value(r,
		    CA_NAME)), DB_TEXT(req_value(r, CA_NAME_EN)),
		    DB_TEXT(req_value(r, CA_POSITION))), NULL, &id);
	if (rc != DB_OK)
		return conflict_name(c, rc);
	c->id = (int64_t)id;
	return announce(c);
}

/*
 * POST /catalog/{name}: admins.  A new entry, last in the list unless a
 * position (0-1000000) is given: name (1-100), name_en (0-100); cities
 * also timezone (an IANA zone such as
 * Atlantic/Canary; Europe/Madrid when absent); places also city_id (an
 * active city), address (1-300), lat (-90..90), lng (-180..180).  201 with the entry
 * (pages: back to the list); 409 for a name in use or a catalog of fixed
 * codes; 422 with field errors.
 */
static enum http_status
catalog_create(struct req *r, json_t *m)
{
	struct change	 c = { r, 0, 0, "created", HTTP_OK, false };
	enum db_status	 rc;
	int		 cat;

	if ((cat = path_catalog(r)) < 0)
		return HTTP_NOT_FOUND;
	c.cat = cat;
	if (catalogs[cat].kind == KIND_CODED) {
		req_only(r, 0);
		r->detail = "error_detail.catalog_fixed";
		return list_again(r, m, cat, HTTP_CONFLICT);
	}
	if (cat == CAT_PLACES) {
		req_only(r, F(CA_NAME) | F(CA_NAME_EN) | F(CA_CITY_ID) |
		    F(CA_ADDRESS) | F(CA_LAT) | F(CA_LNG) | F(CA_POSITION));
		req_require(r, CA_NAME, CA_CITY_ID, CA_ADDRESS, CA_LAT, CA_LNG,
		    -1);
	} else {
		req_only(r, F(CA_NAME) | F(CA_NAME_EN) | F(CA_POSITION) |
		    (cat == CAT_CITIES ? F(CA_TIMEZONE) : 0));
		req_require(r, CA_NAME, -1);
	}
	if (r->has_invalid)
		return list_again(r, m, cat, HTTP_UNPROCESSABLE);
	if ((rc = db_tx(create_tx, &c)) != DB_OK && c.st == HTTP_OK)
		return app_db_status(rc);
	if (c.st != HTTP_OK)
		return list_again(r, m, cat, c.st);
	r->flash = "catalog_created";
	if (!r->api) {
		r->redirect = arena_printf(r->arena, "/catalog/%s",
		    catalogs[cat].slug);
		return HTTP_CREATED;
	}
	r->redirect = arena_printf(r->arena, "/api/v1/catalog/%s/%lld",
	    catalogs[cat].slug, (long long)c.id);
	if (fill_item(r, m, cat, c.id) != HTTP_OK)
		return HTTP_INTERNAL_ERROR;
	return HTTP_CREATED;
}

static enum db_status
update_tx(void *arg)
{
	struct change	*c = arg;
	struct req	*r = c->r;
	json_t		*row = NULL;
	enum db_status	 rc;
	const char	*en = req_value(r, CA_NAME_EN), *city;
	int64_t		 cur, want;

	c->st = HTTP_OK;
	rc = db_query_one(op_stmt(c->cat, OP_LOCK), P(DB_INT(c->id)), &row);
	if (rc != DB_OK)
		return rc;
	cur = json_integer_value(json_object_get(row, "city_id"));
	json_decref(row);
	if (c->cat == CAT_CITIES)
		rc = db_exec(op_stmt(c->cat, OP_UPDATE), P(DB_TEXT(req_value(r,
		    CA_NAME)), DB_TEXT(en), DB_TEXT(en), DB_TEXT(req_value(r,
		    CA_TIMEZONE)), DB_TEXT(req_value(r, CA_POSITION)),
		    DB_INT(c->id)), NULL, NULL);
	else if (c->cat != CAT_PLACES)
		rc = db_exec(op_stmt(c->cat, OP_UPDATE), P(DB_TEXT(req_value(r,
		    CA_NAME)), DB_TEXT(en), DB_TEXT(en), DB_TEXT(req_value(r,
		    CA_POSITION)), DB_INT(c->id)), NULL, NULL);
	else {
		/* A place keeps its city even when that city is retired. */
		city = req_value(r, CA_CITY_ID);
		if (city != NULL && (!valid_parse_id(city, &want) ||
		    want != cur) && ((rc = check_city(c, city)) != DB_OK ||
		    (rc = check_unused(c)) != DB_OK))
			return rc;
		rc = db_exec(op_stmt(c->cat, OP_UPDATE), P(DB_TEXT(req_value(r,
		    CA_NAME)), DB_TEXT(en), DB_TEXT(en), DB_TEXT(req_value(r,
		    CA_POSITION)), DB_TEXT(city), DB_TEXT(req_value(r,
		    CA_ADDRESS)), opt_double(r, CA_LAT), opt_double(r, CA_LNG),
		    DB_INT(c->id)), NULL, NULL);
	}
	if (rc != DB_OK)
		return conflict_name(c, rc);
	return announce(c);
}

/*
 * POST /catalog/{name}/{id} (page) and PATCH /api/v1/catalog/{name}/{id}:
 * admins.  Changes what is sent: name, name_en ("" clears it), position;
 * for cities also timezone; for places also city_id, address, lat, lng.
 * Events keep their UTC times when a city's zone changes.  200 with the entry
 * (pages: back to the list); 404, 409 for a name in use, 422.
 */
static enum http_status
catalog_update(struct req *r, json_t *m)
{
	struct change	 c = { r, 0, r->id, "updated", HTTP_OK, false };
	enum db_status	 rc;
	enum http_status st;
	unsigned	 mask;
	int		 cat;

	if ((cat = path_catalog(r)) < 0)
		return HTTP_NOT_FOUND;
	c.cat = cat;
	mask = F(CA_NAME) | F(CA_NAME_EN) | F(CA_POSITION);
	if (cat == CAT_PLACES)
		mask |= F(CA_CITY_ID) | F(CA_ADDRESS) | F(CA_LAT) | F(CA_LNG);
	if (cat == CAT_CITIES)
		mask |= F(CA_TIMEZONE);
	/* Every page form of an entry (the list's rename, the item's)
	 * sends its name: emptied, it is refused, not taken as left alone
	 * (the API sends only what changes). */
	if (!r->api)
		req_require(r, CA_NAME, -1);
	if (!req_only(r, mask))
		c.st = HTTP_UNPROCESSABLE;
	else if ((rc = db_tx(update_tx, &c)) != DB_OK && c.st == HTTP_OK)
		return app_db_status(rc);
	if (c.st != HTTP_OK) {
		/* A page shows the entry's form again. */
		if (!r->api && (st = fill_item(r, m, cat, c.id)) != HTTP_OK)
			return st;
		return c.st;
	}
	r->flash = "saved";
	r->redirect = arena_printf(r->arena, "/catalog/%s", catalogs[cat].slug);
	if (!r->api)
		return HTTP_SEE_OTHER;
	return fill_item(r, m, cat, c.id);
}

static enum db_status
move_tx(void *arg)
{
	struct change	*c = arg;
	json_t		*rows = NULL, *row;
	enum db_status	 rc;
	size_t		 n, i, j, at;
	bool		 up, retired;

	c->st = HTTP_OK;
	up = strcmp(req_value(c->r, CA_DIRECTION), "up") == 0;
	if ((rc = db_query(op_stmt(c->cat, OP_ORDER), DB_NOPARAMS, &rows)) !=
	    DB_OK)
		return rc;
	n = json_array_size(rows);
	for (at = 0; at < n; at++)
		if (json_integer_value(json_object_get(json_array_get(rows, at),
		    "id")) == c->id)
			break;
	if (at == n) {
		json_decref(rows);
		return DB_NOTFOUND;
	}
	/* An active entry moves past its active neighbour; retired ones
	 * in between are hidden from the public list anyway. */
	retired = !json_is_null(json_object_get(json_array_get(rows, at),
	    "retired_at"));
	for (j = at; ; ) {
		if ((up && j == 0) || (!up && j + 1 >= n)) {
			json_decref(rows);
			return DB_OK;	/* already first or last */
		}
		j = up ? j - 1 : j + 1;
		if (retired || json_is_null(json_object_get(json_array_get(rows,
		    j), "retired_at")))
			break;
	}
	row = json_incref(json_array_get(rows, at));
	json_array_remove(rows, at);
	json_array_insert_new(rows, j, row);
	/* Positions become 1..n in the new order. */
	for (i = 0; i < n && rc == DB_OK; i++) {
		row = json_array_get(rows, i);
		rc = db_exec(op_stmt(c->cat, OP_POSITION), P(DB_INT(i + 1),
		    DB_INT(json_integer_value(json_object_get(row, "id")))),
		    NULL, NULL);
	}
	json_decref(rows);
	if (rc != DB_OK)
		return rc;
	return announce(c);
}

/*
 * POST /catalog/{name}/{id}/move {direction: up|down}: admins.  Swaps
 * the entry with its neighbour (the first stays first).  200 with the
 * entry (pages: back to the list); 404, 422.
 */
static enum http_status
catalog_move(struct req *r, json_t *m)
{
	struct change	 c = { r, 0, r->id, "moved", HTTP_OK, false };
	enum db_status	 rc;
	int		 cat;

	if ((cat = path_catalog(r)) < 0)
		return HTTP_NOT_FOUND;
	c.cat = cat;
	req_only(r, F(CA_DIRECTION) | F(CA_ALL));
	if (!req_require(r, CA_DIRECTION, -1))
		return list_again(r, m, cat, HTTP_UNPROCESSABLE);
	if ((rc = db_tx(move_tx, &c)) != DB_OK)
		return app_db_status(rc);
	r->flash = c.changed ? "catalog_moved" : NULL;
	r->redirect = arena_printf(r->arena, "/catalog/%s%s",
	    catalogs[cat].slug, req_bool(r, CA_ALL, false) ? "?all=1" : "");
	if (!r->api)
		return HTTP_SEE_OTHER;
	return fill_item(r, m, cat, c.id);
}

static enum db_status
retire_tx(void *arg)
{
	struct change	*c = arg;
	json_t		*row = NULL;
	enum db_status	 rc;
	bool		 retire, retired, needed;

	c->st = HTTP_OK;
	retire = strcmp(c->action, "retired") == 0;
	rc = db_query_one(op_stmt(c->cat, OP_LOCK), P(DB_INT(c->id)), &row);
	if (rc != DB_OK)
		return rc;
	retired = !json_is_null(json_object_get(row, "retired_at"));
	needed = code_needed(c->cat, json_string_value(json_object_get(row,
	    "code")));
	json_decref(row);
	if (retire && needed)
		return refuse(c, HTTP_CONFLICT, 0, NULL,
		    "error_detail.catalog_code_needed");
	if (retire == retired)
		return refuse(c, HTTP_CONFLICT, 0, NULL, retire ?
		    "error_detail.catalog_already_retired" :
		    "error_detail.catalog_not_retired");
	rc = db_exec(op_stmt(c->cat, retire ? OP_RETIRE : OP_RESTORE),
	    P(DB_INT(c->id)), NULL, NULL);
	if (rc != DB_OK)
		return rc;
	return announce(c);
}

/* Retires or restores an entry. */
static enum http_status
retire_or_restore(struct req *r, json_t *m, const char *action)
{
	struct change	 c = { r, 0, r->id, action, HTTP_OK, false };
	enum db_status	 rc;
	int		 cat;

	if ((cat = path_catalog(r)) < 0)
		return HTTP_NOT_FOUND;
	c.cat = cat;
	req_only(r, 0);
	if ((rc = db_tx(retire_tx, &c)) != DB_OK && c.st == HTTP_OK)
		return app_db_status(rc);
	if (c.st != HTTP_OK)
		return list_again(r, m, cat, c.st);
	r->flash = arena_printf(r->arena, "catalog_%s", action);
	/* The admin sees the entry they just retired, to undo it. */
	r->redirect = arena_printf(r->arena, "/catalog/%s?all=1",
	    catalogs[cat].slug);
	if (!r->api)
		return HTTP_SEE_OTHER;
	return fill_item(r, m, cat, c.id);
}

/*
 * POST /catalog/{name}/{id}/retire: admins.  The entry leaves the public
 * lists and stays on the records that use it.  200 with the entry (pages:
 * back to the list with retired entries shown); 404; 409 when it is
 * retired already or is a code the programs rely on.
 */
static enum http_status
catalog_retire(struct req *r, json_t *m)
{
	return retire_or_restore(r, m, "retired");
}

/*
 * POST /catalog/{name}/{id}/restore: admins.  A retired entry comes
 * back.  200 with the entry; 404; 409 when it is not retired.
 */
static enum http_status
catalog_restore(struct req *r, json_t *m)
{
	return retire_or_restore(r, m, "restored");
}

static const struct route routes[] = {
	{ M_GET, "/catalog", catalog_index, ROLE_ADMIN, "catalog/index" },
	{ M_GET, "/catalog/{name}", catalog_list, ROLE_ANY, "catalog/list" },
	{ M_POST, "/catalog/{name}", catalog_create, ROLE_ADMIN,
	    "catalog/list" },
	{ M_GET, "/catalog/{name}/{id}", catalog_show, ROLE_ANY,
	    "catalog/item" },
	{ M_POST | M_PATCH, "/catalog/{name}/{id}", catalog_update, ROLE_ADMIN,
	    "catalog/item" },
	{ M_POST, "/catalog/{name}/{id}/move", catalog_move, ROLE_ADMIN,
	    "catalog/list" },
	{ M_POST, "/catalog/{name}/{id}/retire", catalog_retire, ROLE_ADMIN,
	    "catalog/list" },
	{ M_POST, "/catalog/{name}/{id}/restore", catalog_restore, ROLE_ADMIN,
	    "catalog/list" },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app catalog = {
	"catalog", routes, fields, CA__MAX, stmts, STMT__MAX, NULL,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &catalog);
}
