/*
 * dashboard: an NGO's figures, or the whole platform's for an admin, read
 * from the rollups the notifier keeps (sql/011_dashboard.sql, written by
 * cron/rollups.c): a request never scans the raw tables.  Plus the
 * admin's view of the outbox's dead letters.
 *
 *   GET  /dashboard?from=&to=          figures for a range of days
 *   GET  /dashboard/{table}.csv        one of its tables as CSV:
 *                                      events, participants, days,
 *                                      top-events, sponsors, outbox
 *   GET  /dashboard/outbox?before=     admin: dead and failing rows
 *   POST /dashboard/outbox/{id}/retry  admin: a dead row goes again
 *
 * The range counts what was created on its days (UTC): events by their
 * current status, participations by their current state, reactions
 * still standing.  Top events and sponsors are those of the events
 * created in the range.  NGOs see their own figures, admins the
 * platform's and the outbox's health; anyone else gets 403.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "i18n.h"
#include "mem.h"
#include "memo.h"
#include "participation.h"
#include "req.h"
#include "resp.h"
#include "versions.h"

#define MAX_DAYS	366	/* the longest range */
#define DEFAULT_DAYS	30
#define TOP_EVENTS	10
#define TOP_SPONSORS	20
#define OUTBOX_PAGE	50

enum db_field { DF_FROM, DF_TO, DF_BEFORE, DF__MAX };

static const struct field fields[DF__MAX] = {
	{ "from", valid_date, 0, 0, NULL },		/* DF_FROM */
	{ "to", valid_date, 0, 0, NULL },		/* DF_TO */
	{ "before", valid_id, 0, 0, NULL },		/* DF_BEFORE */
};

enum db_stmt_id {
	STMT_VERSION,
	STMT_DAYS,
	STMT_TOP_ORG,
	STMT_TOP_ALL,
	STMT_SPONSORS_ORG,
	STMT_SPONSORS_ALL,
	STMT_OUTBOX_HEALTH,
	STMT_OUTBOX_DEAD,
	STMT_OUTBOX_LIST,
	STMT_OUTBOX_LOCK,
	STMT_OUTBOX_RETRY,
	STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_VERSION: moved by the notifier whenever a scope's rollups
	 * change; no row is version 0 */
	{ "SELECT version FROM dash_version WHERE scope_id = ?", NULL, 0 },
	/* STMT_DAYS: scope 0 is the platform.  Ordered by the column, not
	 * the formatted alias, so the primary key gives the order. */
	{ "SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, pending, approved, "
	  "rejected, cancelled, waitlisted, reactions, ev_draft, ev_published, "
	  "ev_finished, ev_cancelled FROM dash_day WHERE scope_id = ? AND day "
	  "BETWEEN ? AND ? ORDER BY dash_day.day", NULL, 0 },
	/* STMT_TOP_ORG */
	{ "SELECT d.event_id, d.title, d.status, d.approved, d.pending, "
	  "d.waitlisted, d.rejected, d.cancelled, d.reactions FROM (SELECT "
	  "event_id FROM dash_event WHERE organizer_id = ? AND day BETWEEN ? "
	  "AND ? ORDER BY approved DESC, reactions DESC, event_id DESC LIMIT ?) "
	  "t JOIN dash_event d ON d.event_id = t.event_id ORDER BY d.approved "
	  "DESC, d.reactions DESC, d.event_id DESC", NULL, 0 },
	/* STMT_TOP_ALL */
	{ "SELECT d.event_id, d.title, d.status, d.approved, d.pending, "
	  "d.waitlisted, d.rejected, d.cancelled, d.reactions FROM (SELECT "
	  "event_id FROM dash_event WHERE day BETWEEN ? AND ? ORDER BY approved "
	  "DESC, reactions DESC, event_id DESC LIMIT ?) t JOIN dash_event d ON "
	  "d.event_id = t.event_id ORDER BY d.approved DESC, d.reactions DESC, "
	  "d.event_id DESC", NULL, 0 },
	/* STMT_SPONSORS_ORG: the names by primary key, nothing scanned */
	{ "SELECT s.company_id, COALESCE(o.name, u.name) AS name, "
	  "CAST(SUM(s.status = 'accepted') AS INT) AS accepted, "
	  "CAST(SUM(s.status IN ('requested', 'invited')) AS INT) AS open, "
	  "CAST(SUM(s.status = 'declined') AS INT) AS declined "
	  "FROM dash_sponsor s JOIN dash_event e ON e.event_id = s.event_id "
	  "JOIN users u ON u.id = s.company_id LEFT JOIN organizations o ON "
	  "o.user_id = s.company_id WHERE s.organizer_id = ? AND e.day BETWEEN "
	  "? AND ? GROUP BY s.company_id, name ORDER BY accepted DESC, "
	  "s.company_id LIMIT ?", NULL, 0 },
	/* STMT_SPONSORS_ALL */
	{ "SELECT s.company_id, COALESCE(o.name, u.name) AS name, "
	  "CAST(SUM(s.status = 'accepted') AS INT) AS accepted, "
	  "CAST(SUM(s.status IN ('requested', 'invited')) AS INT) AS open, "
	  "CAST(SUM(s.status = 'declined') AS INT) AS declined "
	  "FROM dash_event e JOIN dash_sponsor s ON s.event_id = e.event_id "
	  "JOIN users u ON u.id = s.company_id LEFT JOIN organizations o ON "
	  "o.user_id = s.company_id WHERE e.day BETWEEN ? AND ? GROUP BY "
	  "s.company_id, name ORDER BY accepted DESC, s.company_id LIMIT ?",
	  NULL, 0 },
	/* STMT_OUTBOX_HEALTH: the pending rows, through outbox_pending */
	{ "SELECT COUNT(*) AS backlog, CAST(COALESCE(SUM(attempts > 0), 0) AS "
	  "INT) AS failing, MIN(created_at) AS oldest_pending, "
	  "CAST(COALESCE(TIMESTAMPDIFF(SECOND, MIN(created_at), "
	  "UTC_TIMESTAMP(3)), 0) AS INT) AS oldest_pending_seconds FROM outbox "
	  "WHERE status = 'pending'", NULL, 0 },
	/* STMT_OUTBOX_DEAD */
	{ "SELECT COUNT(*) AS dead FROM outbox WHERE status = 'dead'", NULL, 0 },
	/* STMT_OUTBOX_LIST: one more than a page says whether there is more.
	 * Links are left out: a password reset's carries its live token. */
	{ "SELECT id, topic, status, attempts, last_error, JSON_REMOVE(payload, "
	  "'$.link') AS payload, created_at, "
	  "available_at FROM outbox WHERE (status "
	  "= 'dead' OR (status = 'pending' AND attempts > 0)) AND id < ? "
	  "ORDER BY id DESC LIMIT ?", NULL, 0 },
	/* STMT_OUTBOX_LOCK */
	{ "SELECT status FROM outbox WHERE id = ? FOR UPDATE", NULL, 0 },
	/* STMT_OUTBOX_RETRY: from the start, now */
	{ "UPDATE outbox SET status = 'pending', attempts = 0, available_at = "
	  "UTC_TIMESTAMP(3), claimed_until = NULL WHERE id = ? AND status = "
	  "'dead'", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

static const char *const part_states[] = {
	"pending", "approved", "rejected", "cancelled", "waitlisted", NULL
};
static const char *const event_states[] = {
	"draft", "published", "finished", "cancelled", NULL
};

/* The counters of a STMT_DAYS row: the participation states first, in
 * part_states' order, then reactions, then the event states in
 * event_states' order, so a state's counter is found by its position. */
enum day_col {
	DC_PENDING, DC_APPROVED, DC_REJECTED, DC_CANCELLED, DC_WAITLISTED,
	DC_REACTIONS,
	DC_EV_DRAFT, DC_EV_PUBLISHED, DC_EV_FINISHED, DC_EV_CANCELLED,
	DC__MAX
};

static const char *const counter_cols[DC__MAX] = {
	"pending", "approved", "rejected", "cancelled", "waitlisted",
	"reactions", "ev_draft", "ev_published", "ev_finished", "ev_cancelled",
};

/* The figures of one request. */
struct figures {
	const char	*from, *to;	/* YYYY-MM-DD */
	long		 from_day;	/* days since 1970-01-01 */
	long		 ndays;
	bool		 platform;
	int64_t		 scope;		/* organiser id, 0 for the platform */
};

static int64_t
jint(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static const char *
jstr(json_t *o, const char *k)
{
	const char	*s = json_string_value(json_object_get(o, k));

	return s != NULL ? s : "";
}

static const char *
word(struct req *r, const char *ns, const char *key)
{
	return i18n_get(r->lang, arena_printf(r->arena, "%s.%s", ns, key));
}

/* Days since 1970-01-01 of a proleptic Gregorian date: plain arithmetic,
 * as the charts place every bar by its day. */
static long
civil_day(long y, long m, long d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Days since the epoch of a YYYY-MM-DD already known to be valid (a
 * checked field or a date from the database). */
static long
day_number(const char *s)
{
	long	 v[3] = { 0, 0, 0 };
	int	 i = 0;

	for (; *s != '\0' && i < 3; s++) {
		if (*s == '-')
			i++;
		else
			v[i] = v[i] * 10 + (*s - '0');
	}
	return civil_day(v[0], v[1], v[2]);
}

static const char *
day_string(struct req *r, long day)
{
	time_t		 t = (time_t)day * 86400;
	struct tm	 tm;
	char		 s[48];

	gmtime_r(&t, &tm);
	/* Four digits always: %Y writes the year 999 as "999". */
	snprintf(s, sizeof(s), "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
	return arena_strdup(r->arena, s);
}

/*
 * The range asked for: both ends, one end (the other DEFAULT_DAYS away)
 * or none (the last DEFAULT_DAYS up to today).  false with the fields
 * marked when it is not a range.
 */
static bool
read_range(struct req *r, struct figures *f)
{
	const char	*from = req_value(r, DF_FROM), *to = req_value(r, DF_TO);
	long		 a, b;

	if (r->invalid[DF_FROM] != NULL || r->invalid[DF_TO] != NULL)
		return false;
	/* The end left out stays among the dates a field takes, so that
	 * the form sent back as drawn is a range again. */
	if (from != NULL) {
		a = day_number(from);
		b = to != NULL ? day_number(to) : a + (DEFAULT_DAYS - 1);
		if (to == NULL && b > day_number("9999-12-31"))
			b = day_number("9999-12-31");
	} else {
		b = to != NULL ? day_number(to) : (long)(time(NULL) / 86400);
		a = b - (DEFAULT_DAYS - 1);
		if (a < day_number("0001-01-01"))
			a = day_number("0001-01-01");
	}
	if (a > b) {
		req_set_invalid(r, DF_FROM, "valid.dashboard_order");
		return false;
	}
	if (b - a + 1 > MAX_DAYS) {
		req_set_invalid(r, DF_TO, "valid.dashboard_range");
		return false;
	}
	f->from = day_string(r, a);
	f->to = day_string(r, b);
	f->from_day = a;
	f->ndays = b - a + 1;
	return true;
}

/* The last DEFAULT_DAYS up to today. */
static void
last_days(struct req *r, struct figures *f)
{
	long	 b = (long)(time(NULL) / 86400);

	f->from_day = b - (DEFAULT_DAYS - 1);
	f->ndays = DEFAULT_DAYS;
	f->from = day_string(r, f->from_day);
	f->to = day_string(r, b);
}

static enum http_status
scope_of(struct req *r, struct figures *f)
{
	f->platform = r->user.role == ROLE_ADMIN;
	f->scope = f->platform ? 0 : r->user.id;
	req_focus(r, DF_FROM, DF_TO, -1);
	if (!read_range(r, f))
		return HTTP_UNPROCESSABLE;
	return HTTP_OK;
}

/* {state: n} for the counters of consecutive day columns. */
static json_t *
states_object(const long long *v, const char *const *names,
    long long *total)
{
	json_t		*out = json_object();
	size_t		 i;

	*total = 0;
	for (i = 0; names[i] != NULL; i++) {
		json_object_set_new_nocheck(out, names[i], json_integer(v[i]));
		*total += v[i];
	}
	return out;
}

/*
 * The series as the API shows it, a row per day that has any figure,
 * and the range's totals per column in tot: one pass reading each
 * counter once.
 */
static json_t *
day_rows(json_t *days, long long tot[DC__MAX])
{
	json_t		*out = json_array(), *d, *row;
	long long	 v[DC__MAX], parts, events;
	size_t		 i, c;

	memset(tot, 0, DC__MAX * sizeof(tot[0]));
	json_array_foreach(days, i, d) {
		parts = events = 0;
		for (c = 0; c < DC__MAX; c++) {
			v[c] = jint(d, counter_cols[c]);
			tot[c] += v[c];
			if (c <= DC_WAITLISTED)
				parts += v[c];
			else if (c >= DC_EV_DRAFT)
				events += v[c];
		}
		if (parts == 0 && events == 0 && v[DC_REACTIONS] == 0)
			continue;
		row = json_object();
		json_object_set_nocheck(row, "day", json_object_get(d, "day"));
		for (c = DC_PENDING; c <= DC_WAITLISTED; c++)
			json_object_set_new_nocheck(row, counter_cols[c],
			    json_integer(v[c]));
		json_object_set_new_nocheck(row, "participations",
		    json_integer(parts));
		json_object_set_new_nocheck(row, "reactions",
		    json_integer(v[DC_REACTIONS]));
		json_object_set_new_nocheck(row, "events", json_integer(events));
		json_array_append_new(out, row);
	}
	return out;
}

/* The model's figures from the rows the statements read. */
static void
put_figures(const struct figures *f, json_t *days, json_t *top,
    json_t *sponsors, json_t *m)
{
	json_t		*parts, *series;
	long long	 tot[DC__MAX], total, ap, re;

	series = day_rows(days, tot);
	json_object_set_new(m, "scope", json_string(f->platform ? "platform" :
	    "organizer"));
	json_object_set_new(m, "organizer_id", f->platform ? json_null() :
	    json_integer(f->scope));
	json_object_set_new(m, "from", json_string(f->from));
	json_object_set_new(m, "to", json_string(f->to));
	json_object_set_new(m, "events_by_status", states_object(
	    &tot[DC_EV_DRAFT], event_states, &total));
	json_object_set_new(m, "events_total", json_integer(total));
	parts = states_object(&tot[DC_PENDING], part_states, &total);
	json_object_set_new(m, "participants_by_status", parts);
	json_object_set_new(m, "participants_total", json_integer(total));
	ap = tot[DC_APPROVED];
	re = tot[DC_REJECTED];
	/* Of the decided ones: approved over approved and rejected. */
	json_object_set_new(m, "approval_rate", ap + re > 0 ?
	    json_real(round((double)ap * 10000.0 / (double)(ap + re)) /
	    10000.0) : json_null());
	json_object_set_new(m, "reactions_total",
	    json_integer(tot[DC_REACTIONS]));
	json_object_set_new(m, "days", series);
	json_object_set(m, "top_events", top);
	json_object_set(m, "sponsors", sponsors);
}

/* The outbox's health, always read now: {backlog, failing,
 * oldest_pending, oldest_pending_seconds, dead}. */
static enum db_status
load_outbox_health(json_t **health)
{
	json_t		*dead = NULL;
	enum db_status	 rc;

	*health = NULL;
	if ((rc = db_query_one(&stmts[STMT_OUTBOX_HEALTH], DB_NOPARAMS,
	    health)) != DB_OK)
		return rc;
	if ((rc = db_query_one(&stmts[STMT_OUTBOX_DEAD], DB_NOPARAMS,
	    &dead)) != DB_OK) {
		json_decref(*health);
		*health = NULL;
		return rc;
	}
	json_object_update(*health, dead);
	json_decref(dead);
	return DB_OK;
}

/* Reads the range's figures (not the outbox) into m. */
static enum db_status
load_figures(const struct figures *f, json_t *m)
{
	json_t		*days = NULL, *top = NULL, *sponsors = NULL;
	enum db_status	 rc;

	rc = db_query(&stmts[STMT_DAYS], P(DB_INT(f->scope), DB_TEXT(f->from),
	    DB_TEXT(f->to)), &days);
	if (rc != DB_OK)
		goto out;
	if (f->platform) {
		rc = db_query(&stmts[STMT_TOP_ALL], P(DB_TEXT(f->from),
		    DB_TEXT(f->to), DB_INT(TOP_EVENTS)), &top);
		if (rc == DB_OK)
			rc = db_query(&stmts[STMT_SPONSORS_ALL], P(DB_TEXT(f->from),
			    DB_TEXT(f->to), DB_INT(TOP_SPONSORS)), &sponsors);
	} else {
		rc = db_query(&stmts[STMT_TOP_ORG], P(DB_INT(f->scope),
		    DB_TEXT(f->from), DB_TEXT(f->to), DB_INT(TOP_EVENTS)), &top);
		if (rc == DB_OK)
			rc = db_query(&stmts[STMT_SPONSORS_ORG], P(DB_INT(f->scope),
			    DB_TEXT(f->from), DB_TEXT(f->to), DB_INT(TOP_SPONSORS)),
			    &sponsors);
	}
	if (rc == DB_OK)
		put_figures(f, days, top, sponsors, m);
out:
	json_decref(days);
	json_decref(top);
	json_decref(sponsors);
	return rc;
}

/* --- the page's charts ---------------------------------------------------- */

#define HB_LABEL	170	/* the label column of a horizontal bar chart */
#define HB_BAR		300	/* the longest bar */
#define HB_ROW		30
#define VB_LEFT		48	/* room for the scale of a column chart */
#define VB_PLOT		560
#define VB_HEIGHT	160

/* Text in SVG (XML) content or an attribute. */
static void
svg_text(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_puts(out, "&amp;");
			break;
		case '<':
			buf_puts(out, "&lt;");
			break;
		case '>':
			buf_puts(out, "&gt;");
			break;
		case '"':
			buf_puts(out, "&quot;");
			break;
		case '\'':
			buf_puts(out, "&#39;");
			break;
		default:
			buf_putc(out, *s);
		}
}

/* A buf's text as a JSON string; the buf is freed. */
static json_t *
buf_json(struct buf *b)
{
	json_t	*s = json_stringn_nocheck(buf_str(b), b->len);

	buf_free(b);
	return s;
}

/* [{key, label, value}] for a state object, in the given order; labels
 * from the catalog's names (participation_state_names()), else NULL for
 * the words under ns. */
static json_t *
state_rows(struct req *r, json_t *states, const char *const *names,
    const json_t *catalog, const char *ns)
{
	json_t			*rows = json_array();
	const char *const	*n;

	for (n = names; *n != NULL; n++)
		json_array_append_new(rows, json_pack("{s:s, s:s, s:I}", "key",
		    *n, "label", participation_state_word(r, catalog, ns, *n),
		    "value", (json_int_t)jint(states, *n)));
	return rows;
}

/* A horizontal bar per row, drawn: {width, height, svg}, in whole SVG
 * user units; svg holds a label, a bar and a value per row. */
static json_t *
hbars(json_t *rows, const char *fill)
{
	struct buf	 svg;
	json_t		*row;
	long long	 max = 0, v, w;
	size_t		 i;

	json_array_foreach(rows, i, row)
		if ((v = jint(row, "value")) > max)
			max = v;
	buf_init(&svg);
	json_array_foreach(rows, i, row) {
		v = jint(row, "value");
		w = max > 0 ? v * HB_BAR / max : 0;
		if (v > 0 && w < 1)
			w = 1;
		buf_printf(&svg, "<text x=\"0\" y=\"%zu\" fill=\"currentColor\" "
		    "font-size=\"14\">", i * HB_ROW + 20);
		svg_text(&svg, jstr(row, "label"));
		buf_printf(&svg, "</text>\n<rect x=\"%d\" y=\"%zu\" width=\"%lld\" "
		    "height=\"20\" fill=\"%s\"></rect>\n<text x=\"%lld\" y=\"%zu\" "
		    "fill=\"currentColor\" font-size=\"14\">%lld</text>\n",
		    HB_LABEL, i * HB_ROW + 5, w, fill, HB_LABEL + w + 6,
		    i * HB_ROW + 20, v);
	}
	return json_pack("{s:i, s:I, s:o}", "width", HB_LABEL + HB_BAR + 60,
	    "height", (json_int_t)(json_array_size(rows) * HB_ROW + 10),
	    "svg", buf_json(&svg));
}

/* A column per day of the range for one field of the day rows, drawn:
 * {width, height, svg, max, axis positions}; svg holds a rect per day
 * with a figure, its day and value as its tooltip, in a group of the
 * given fill. */
static json_t *
vbars(struct req *r, const struct figures *f, json_t *days, const char *key,
    const char *fill)
{
	struct buf	 svg;
	json_t		*d;
	long long	 max = 0, v, h;
	long		 step, i;
	size_t		 k;

	step = VB_PLOT / f->ndays;
	if (step < 2)
		step = 2;
	json_array_foreach(days, k, d)
		if ((v = jint(d, key)) > max)
			max = v;
	buf_init(&svg);
	/* One group holds the colour: a 90-day page has 180 columns. */
	buf_printf(&svg, "<g fill=\"%s\">\n", fill);
	json_array_foreach(days, k, d) {
		if ((v = jint(d, key)) == 0)
			continue;
		i = day_number(jstr(d, "day")) - f->from_day;
		h = max > 0 ? v * VB_HEIGHT / max : 0;
		if (h < 1)
			h = 1;
		/* The day is the database's YYYY-MM-DD: nothing to escape. */
		buf_printf(&svg, "<rect x=\"%ld\" y=\"%lld\" width=\"%ld\" "
		    "height=\"%lld\"><title>%s: %lld</title></rect>\n",
		    VB_LEFT + i * step, 10 + VB_HEIGHT - h, step > 3 ? step - 1 :
		    step, h, jstr(d, "day"), v);
	}
	buf_puts(&svg, "</g>");
	return json_pack("{s:I, s:i, s:o, s:I, s:i, s:i, s:i, s:I, s:s, s:s}",
	    "width", (json_int_t)(VB_LEFT + step * f->ndays + 10), "height",
	    VB_HEIGHT + 40, "svg", buf_json(&svg), "max", (json_int_t)max,
	    "left", VB_LEFT, "base", 10 + VB_HEIGHT, "label_y", VB_HEIGHT + 32,
	    "right", (json_int_t)(VB_LEFT + step * f->ndays), "from",
	    f->from, "to", arena_strdup(r->arena, f->to));
}

/* What only the page needs: localized rows, charts, links. */
static void
page_model(struct req *r, const struct figures *f, json_t *m)
{
	json_t		*rows, *e, *days = json_object_get(m, "days");
	json_t		*rate = json_object_get(m, "approval_rate");
	json_t		*catalog = participation_state_names();
	size_t		 i;

	/* As the catalog names them: a rename moves every dash_version. */
	rows = state_rows(r, json_object_get(m, "participants_by_status"),
	    part_states, catalog, "dashboard.state");
	json_decref(catalog);
	json_object_set_new(m, "chart_participants", hbars(rows, "#0f766e"));
	json_object_set_new(m, "participant_rows", rows);
	rows = state_rows(r, json_object_get(m, "events_by_status"),
	    event_states, NULL, "dashboard.event_state");
	json_object_set_new(m, "chart_events", hbars(rows, "#1d4ed8"));
	json_object_set_new(m, "event_rows", rows);
	json_object_set_new(m, "chart_days", vbars(r, f, days,
	    "participations", "#0f766e"));
	json_object_set_new(m, "chart_reactions", vbars(r, f, days,
	    "reactions", "#b45309"));
	json_object_set_new(m, "has_days", json_boolean(json_array_size(days) >
	    0));
	json_array_foreach(json_object_get(m, "top_events"), i, e)
		json_object_set_new(e, "status_label", json_string(word(r,
		    "dashboard.event_state", jstr(e, "status"))));
	if (json_is_real(rate))
		json_object_set_new(m, "approval_pct", json_string(arena_printf(
		    r->arena, "%.1f", json_real_value(rate) * 100.0)));
	json_object_set_new(m, "range_query", json_string(arena_printf(r->arena,
	    "from=%s&to=%s", f->from, f->to)));
	json_object_set_new(m, "is_platform", json_boolean(f->platform));
}

/* --- the figures kept ----------------------------------------------------- */

/*
 * Each worker keeps what it drew for the ranges it served last
 * (lib/memo.h): rollups change only when the notifier folds a change in,
 * and a dashboard is read far more often than that.  An answer is served
 * only while its scope's dash_version row still holds the version read
 * before its figures were; the notifier moves that row in the
 * transaction that changes the rollups, so a kept answer is never older
 * than they are.  Per range and language: the figures, the API's JSON
 * text and the page's sections, each drawn when first asked for.
 * Nothing of the person asking (header, CSRF token, unread count) and
 * not the outbox's health is kept: those are read for every request.
 */
struct kept {
	int64_t		 version;
	json_t		*figures;	/* load_figures' model, never changed */
};

static const char *
kept_key(struct req *r, const struct figures *f, const char *what)
{
	return arena_printf(r->arena, "dash|%s|%lld|%s|%s|%s", what,
	    (long long)f->scope, f->from, f->to, r->lang);
}

static int
read_scope_version(void *arg, int64_t v[VERSIONS_N])
{
	json_t		*row = NULL;
	enum db_status	 rc;

	v[0] = v[1] = 0;
	rc = db_query_one(&stmts[STMT_VERSION], P(DB_INT(*(int64_t *)arg)),
	    &row);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc == DB_OK)
		v[0] = jint(row, "version");
	json_decref(row);
	return (int)rc;
}

/* The version of a scope's rollups, from the reading the site's programs
 * share (lib/versions.h): the notifier's commits make it old at once. */
static enum db_status
scope_version(struct req *r, int64_t scope, int64_t *version)
{
	int64_t	 v[VERSIONS_N];
	int	 rc;

	rc = versions_get(arena_printf(r->arena, "dash|%lld",
	    (long long)scope), v, read_scope_version, &scope);
	*version = rc == DB_OK ? v[0] : 0;
	return (enum db_status)rc;
}

/*
 * The range's figures into k (a reference for the caller to drop), kept
 * ones while they are as new as the rollups, else read and kept.  The
 * version is read before the figures: figures newer than it only make
 * the answer go sooner.
 */
static enum db_status
kept_figures(struct req *r, const struct figures *f, struct kept *k)
{
	const char	*key = kept_key(r, f, "figures");
	enum db_status	 rc;

	k->figures = NULL;
	if ((rc = scope_version(r, f->scope, &k->version)) != DB_OK)
		return rc;
	if ((k->figures = json_incref(memo_get(key, k->version))) != NULL)
		return DB_OK;
	k->figures = json_object();
	if ((rc = load_figures(f, k->figures)) != DB_OK) {
		json_decref(k->figures);
		k->figures = NULL;
		return rc;
	}
	memo_put(key, k->version, 0, json_incref(k->figures));
	return DB_OK;
}

/* The page's sections, {summary_html, figures_html}, drawn from a copy of
 * the figures (the page's additions stay out of the JSON); NULL on
 * failure, logged. */
static json_t *
kept_sections(struct req *r, const struct figures *f, const struct kept *k)
{
	const char	*key = kept_key(r, f, "page");
	json_t		*page, *pm, *summary, *sections;

	if ((page = json_incref(memo_get(key, k->version))) != NULL)
		return page;
	pm = json_deep_copy(k->figures);
	page_model(r, f, pm);
	summary = resp_fragment(r, "dashboard/summary", pm);
	sections = resp_fragment(r, "dashboard/figures", pm);
	json_decref(pm);
	if (summary == NULL || sections == NULL) {
		json_decref(summary);
		json_decref(sections);
		return NULL;
	}
	page = json_pack("{s:o, s:o}", "summary_html", summary, "figures_html",
	    sections);
	/* A scope with no version row yet has nothing a catalog rename could
	 * make old (sql/024 moves the rows there are): drawn each time. */
	if (k->version != 0)
		memo_put(key, k->version, 0, json_incref(page));
	return page;
}

/* --- the figures' answers ------------------------------------------------ */

/*
 * The API's answer: the figures' text, written once, since writing some
 * thousand values is most of the cost of a kept answer.  For an admin
 * the outbox's health, live, goes in as the last member, as the core
 * would have written it.
 */
static enum http_status
api_answer(struct req *r, const struct figures *f, const struct kept *k)
{
	const char	*key = kept_key(r, f, "json");
	json_t		*text, *health = NULL;
	enum http_status st;
	enum db_status	 rc;

	if ((text = json_incref(memo_get(key, k->version))) == NULL) {
		if ((text = resp_json_of(k->figures)) == NULL)
			return HTTP_INTERNAL_ERROR;
		memo_put(key, k->version, 0, json_incref(text));
	}
	if (f->platform && (rc = load_outbox_health(&health)) != DB_OK) {
		json_decref(text);
		return app_db_status(rc);
	}
	st = resp_json_text(r, json_string_value(text), "outbox", health);
	json_decref(text);
	return st;
}

/* The outbox's health, live, for an admin. */
static enum db_status
add_outbox(struct req *r, const struct figures *f, json_t *m)
{
	json_t		*health;
	enum db_status	 rc;

	if (!f->platform)
		return DB_OK;
	if ((rc = load_outbox_health(&health)) == DB_OK) {
		resp_time_text(r, health, "oldest_pending");
		json_object_set_new(m, "outbox", health);
	}
	return rc;
}

/*
 * GET /dashboard and /api/v1/dashboard?from=&to=: NGOs (their own
 * figures) and admins (the platform's, with the outbox's health).  422
 * for a bad range: not dates, from after to, more than MAX_DAYS days.
 * The page takes its figures as sections drawn once per kept range;
 * around them go the range, the outbox and the layout, per request.
 */
static enum http_status
dashboard_show(struct req *r, json_t *m)
{
	struct figures	 f;
	struct kept	 k;
	json_t		*page;
	enum http_status st, bad;
	enum db_status	 rc;

	memset(&f, 0, sizeof(f));
	if ((bad = scope_of(r, &f)) != HTTP_OK) {
		if (r->api)
			return bad;
		/* The page keeps its form, with the dates as typed and
		 * why; below it, the last DEFAULT_DAYS. */
		last_days(r, &f);
	}
	if ((rc = kept_figures(r, &f, &k)) != DB_OK)
		return app_db_status(rc);
	if (r->api) {
		st = api_answer(r, &f, &k);
		json_decref(k.figures);
		return st;
	}
	page = kept_sections(r, &f, &k);
	json_decref(k.figures);
	if (page == NULL)
		return HTTP_INTERNAL_ERROR;
	json_object_update(m, page);
	json_decref(page);
	if ((rc = add_outbox(r, &f, m)) != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "from", json_string(f.from));
	json_object_set_new(m, "to", json_string(f.to));
	json_object_set_new(m, "is_platform", json_boolean(f.platform));
	json_object_set_new(m, "range_query", json_string(arena_printf(r->arena,
	    "from=%s&to=%s", f.from, f.to)));
	if (bad != HTTP_OK) {
		json_object_set_new(m, "from", json_string(
		    r->values[DF_FROM] != NULL ? r->values[DF_FROM] : ""));
		json_object_set_new(m, "to", json_string(
		    r->values[DF_TO] != NULL ? r->values[DF_TO] : ""));
		r->page_ready = true;
		return bad;
	}
	return HTTP_OK;
}

/* --- CSV -------------------------------------------------------------------- */

/* One RFC 4180 field, always quoted; a cell a spreadsheet would read as
 * a formula gets a leading apostrophe. */
static void
csv_cell(struct buf *out, const char *s, bool last)
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

/* A number cell, written by hand: a 90-day table has some 800 of them,
 * and a printf per cell was most of a cached CSV's cost. */
static void
csv_int(struct buf *out, long long v, bool last)
{
	char			 s[24], *p = s + sizeof(s);
	unsigned long long	 u;

	u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	buf_append(out, p, (size_t)(s + sizeof(s) - p));
	buf_puts(out, last ? "\r\n" : ",");
}

/* The header row: localized column names. */
static void
csv_header(struct req *r, struct buf *out, const char *const *cols)
{
	const char *const	*c;

	for (c = cols; *c != NULL; c++)
		csv_cell(out, word(r, "dashboard.col", *c), c[1] == NULL);
}

/* {key: n} rows of a state object. */
static void
csv_states(struct req *r, struct buf *out, json_t *states,
    const char *const *names, const json_t *catalog, const char *ns)
{
	const char *const	*n;

	csv_header(r, out, (const char *const[]){ "status", "status_name",
	    "count", NULL });
	for (n = names; *n != NULL; n++) {
		csv_cell(out, *n, false);
		csv_cell(out, participation_state_word(r, catalog, ns, *n), false);
		csv_int(out, jint(states, *n), true);
	}
}

/* Writes the table named by the path; false when there is no such table
 * for this caller. */
static bool
csv_table(struct req *r, const char *name, json_t *m, struct buf *out)
{
	static const char *const day_cols[] = { "day", "participations",
	    "pending", "approved", "rejected", "cancelled", "waitlisted",
	    "reactions", "events", NULL };
	static const char *const top_cols[] = { "event_id", "title", "status",
	    "approved", "pending", "waitlisted", "rejected", "cancelled",
	    "reactions", NULL };
	static const char *const sponsor_cols[] = { "company_id", "name",
	    "accepted", "open", "declined", NULL };
	static const char *const outbox_cols[] = { "backlog", "failing",
	    "dead", "oldest_pending", "oldest_pending_seconds", NULL };
	const char *const	*cols = NULL, *const *c;
	json_t			*rows, *row, *catalog;
	size_t			 i;

	if (strcmp(name, "events") == 0) {
		csv_states(r, out, json_object_get(m, "events_by_status"),
		    event_states, NULL, "dashboard.event_state");
		return true;
	}
	if (strcmp(name, "participants") == 0) {
		catalog = participation_state_names();
		csv_states(r, out, json_object_get(m, "participants_by_status"),
		    part_states, catalog, "dashboard.state");
		json_decref(catalog);
		return true;
	}
	if (strcmp(name, "days") == 0) {
		rows = json_object_get(m, "days");
		cols = day_cols;
	} else if (strcmp(name, "top-events") == 0) {
		rows = json_object_get(m, "top_events");
		cols = top_cols;
	} else if (strcmp(name, "sponsors") == 0) {
		rows = json_object_get(m, "sponsors");
		cols = sponsor_cols;
	} else if (strcmp(name, "outbox") == 0 &&
	    json_is_object(json_object_get(m, "outbox"))) {
		rows = json_pack("[O]", json_object_get(m, "outbox"));
		json_object_set_new(m, "outbox_rows", rows);
		cols = outbox_cols;
	} else
		return false;
	csv_header(r, out, cols);
	json_array_foreach(rows, i, row)
		for (c = cols; *c != NULL; c++) {
			json_t *v = json_object_get(row, *c);

			if (json_is_integer(v))
				csv_int(out, json_integer_value(v), c[1] == NULL);
			else
				csv_cell(out, json_is_string(v) ?
				    json_string_value(v) : "", c[1] == NULL);
		}
	return true;
}

/*
 * GET /dashboard/{table}.csv?from=&to=: a table of the dashboard as CSV
 * (UTF-8 with a byte-order mark, a header row), with the dashboard's
 * range and access rules.  The outbox table is the admins'.
 */
static enum http_status
dashboard_csv(struct req *r, json_t *m)
{
	struct figures	 f;
	struct kept	 k;
	struct buf	 out;
	const char	*slash, *name;
	enum http_status st;
	enum db_status	 rc;

	memset(&f, 0, sizeof(f));
	if ((st = scope_of(r, &f)) != HTTP_OK)
		return st;
	if ((rc = kept_figures(r, &f, &k)) != DB_OK)
		return app_db_status(rc);
	json_object_update(m, k.figures);
	json_decref(k.figures);
	if ((rc = add_outbox(r, &f, m)) != DB_OK)
		return app_db_status(rc);
	slash = strrchr(r->route_path, '/');
	name = arena_strndup(r->arena, slash + 1, strlen(slash + 1) - 4);
	buf_init(&out);
	buf_puts(&out, "\xef\xbb\xbf");
	if (!csv_table(r, name, m, &out)) {
		buf_free(&out);
		return HTTP_NOT_FOUND;
	}
	r->raw_body = arena_strndup(r->arena, buf_str(&out), out.len);
	r->raw_len = out.len;
	r->raw_type = "text/csv; charset=utf-8; header=present";
	r->raw_filename = arena_printf(r->arena, "dashboard-%s-%s-%s.csv", name,
	    f.from, f.to);
	buf_free(&out);
	return HTTP_OK;
}

/* --- the outbox's dead letters ------------------------------------------------ */

/*
 * GET /dashboard/outbox?before= and /api/v1/dashboard/outbox: admins.
 * Dead rows and pending ones that have failed, newest first, with their
 * error; {items, next} where next is the cursor for "before".  Also the
 * outbox's health.
 */
static enum http_status
dashboard_outbox(struct req *r, json_t *m)
{
	json_t		*rows = NULL, *health = NULL, *last, *e;
	long long	 before = INT64_MAX;
	enum db_status	 rc;
	size_t		 i;

	if (r->invalid[DF_BEFORE] != NULL)
		return HTTP_UNPROCESSABLE;
	req_focus(r, DF_BEFORE, -1);
	if (!req_int(r, DF_BEFORE, &before))
		before = INT64_MAX;
	if ((rc = db_query(&stmts[STMT_OUTBOX_LIST], P(DB_INT(before),
	    DB_INT(OUTBOX_PAGE + 1)), &rows)) != DB_OK ||
	    (rc = load_outbox_health(&health)) != DB_OK) {
		json_decref(rows);
		return app_db_status(rc);
	}
	if (json_array_size(rows) > OUTBOX_PAGE) {
		json_array_remove(rows, OUTBOX_PAGE);
		last = json_array_get(rows, OUTBOX_PAGE - 1);
		json_object_set_new(m, "next", json_integer(jint(last, "id")));
	} else
		json_object_set_new(m, "next", json_null());
	json_array_foreach(rows, i, e) {
		json_object_set_new(e, "is_dead", json_boolean(strcmp(jstr(e,
		    "status"), "dead") == 0));
		resp_time_text(r, e, "created_at");
	}
	resp_time_text(r, health, "oldest_pending");
	json_object_set_new(m, "items", rows);
	json_object_set_new(m, "outbox", health);
	return HTTP_OK;
}

struct retry {
	int64_t		 id;
	enum http_status st;
};

static enum db_status
retry_tx(void *arg)
{
	struct retry	*t = arg;
	json_t		*row = NULL;
	enum db_status	 rc;

	rc = db_query_one(&stmts[STMT_OUTBOX_LOCK], P(DB_INT(t->id)), &row);
	if (rc == DB_NOTFOUND) {
		t->st = HTTP_NOT_FOUND;
		return DB_OK;
	}
	if (rc != DB_OK)
		return rc;
	if (strcmp(jstr(row, "status"), "dead") != 0)
		t->st = HTTP_CONFLICT;
	else if ((rc = db_exec(&stmts[STMT_OUTBOX_RETRY], P(DB_INT(t->id)),
	    NULL, NULL)) == DB_OK)
		t->st = HTTP_OK;
	json_decref(row);
	return rc;
}

/*
 * POST /dashboard/outbox/{id}/retry and its API twin: admins.  A dead
 * row goes back to pending with no attempts, due now; the notifier takes
 * it on its next pass.  404 for no such row, 409 when it is not dead.
 */
static enum http_status
dashboard_retry(struct req *r, json_t *m)
{
	struct retry	 t = { r->id, HTTP_OK };
	enum db_status	 rc;

	req_focus(r, -1);
	if ((rc = db_tx(retry_tx, &t)) != DB_OK)
		return app_db_status(rc);
	if (t.st == HTTP_CONFLICT)
		r->detail = "error_detail.outbox_not_dead";
	if (t.st != HTTP_OK)
		return t.st;
	json_object_set_new(m, "id", json_integer(r->id));
	json_object_set_new(m, "status", json_string("pending"));
	r->redirect = "/dashboard/outbox";
	r->flash = "outbox_retried";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

#define DASH_ROLES	(ROLE_ONG | ROLE_ADMIN)

static const struct route routes[] = {
	{ M_GET, "/dashboard", dashboard_show, DASH_ROLES, "dashboard/show" },
	{ M_GET, "/dashboard/events.csv", dashboard_csv, DASH_ROLES, NULL },
	{ M_GET, "/dashboard/participants.csv", dashboard_csv, DASH_ROLES,
	    NULL },
	{ M_GET, "/dashboard/days.csv", dashboard_csv, DASH_ROLES, NULL },
	{ M_GET, "/dashboard/top-events.csv", dashboard_csv, DASH_ROLES, NULL },
	{ M_GET, "/dashboard/sponsors.csv", dashboard_csv, DASH_ROLES, NULL },
	{ M_GET, "/dashboard/outbox.csv", dashboard_csv, ROLE_ADMIN, NULL },
	{ M_GET, "/dashboard/outbox", dashboard_outbox, ROLE_ADMIN,
	    "dashboard/outbox" },
	{ M_POST, "/dashboard/outbox/{id}/retry", dashboard_retry, ROLE_ADMIN,
	    "dashboard/outbox" },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app dashboard = {
	"dashboard", routes, fields, DF__MAX, stmts, STMT__MAX, NULL,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &dashboard);
}
