/*
 * notifications: the signed-in person's notifications, their preferences
 * and their push devices.  The notifier's consumers write the rows
 * (cron/inapp.c); this program reads them and marks them read.
 *
 *   GET  /notifications?before=         newest first, 20 a page
 *   GET  /api/v1/notifications/unread-count          {"count": N}
 *   POST /notifications/{id}/read       mine only (404 otherwise)
 *   POST /notifications/read-all
 *   GET  /notifications/preferences     per type and channel
 *   POST /notifications/preferences, PUT /api/v1/notifications/preferences
 *   POST /api/v1/notifications/devices, DELETE /api/v1/notifications/devices
 *   GET  /notifications/dev/mail[/{file}]  the mail spool, when
 *                                      [notifications] dev_mail is on
 */
#include <dirent.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cfg.h"
#include "notice.h"
#include "req.h"
#include "resp.h"

#define PAGE_SIZE	20
#define MAIL_MAX	(256 * 1024)	/* bytes of one spooled message shown */
#define MAILS_SHOWN	200

/* The preference fields are "<type>.<channel>", one per pair. */
#define PREF(type)							\
	{ type ".inapp", valid_bool, 0, 0, NULL },			\
	{ type ".email", valid_bool, 0, 0, NULL },			\
	{ type ".push", valid_bool, 0, 0, NULL }

enum nf_field {
	NF_BEFORE, NF_PLATFORM, NF_TOKEN, NF_PREFS,
	NF__MAX = NF_PREFS + 30
};

static const char *const platforms[] = { "android", "ios", "web", NULL };
static const char *const channels[] = { "inapp", "email", "push" };
#define NCHANNELS	3

/* Every type, in the order of the field table below. */
static const char *const types[] = {
	"enrolment_received", "enrolment_approved", "enrolment_rejected",
	"event_published", "event_changed", "event_cancelled",
	"sponsorship_requested", "sponsorship_accepted", "password_reset",
	"event_reminder",
};
#define NTYPES	(sizeof(types) / sizeof(types[0]))

/* The reset mail carries the reset link: it goes whatever the person
 * chose, so its switch is shown on and cannot be turned off. */
static bool
always_on(size_t t, size_t c)
{
	return strcmp(types[t], "password_reset") == 0 &&
	    strcmp(channels[c], "email") == 0;
}

static const struct field fields[NF__MAX] = {
	{ "before", valid_id, 0, 0, NULL },		/* NF_BEFORE */
	{ "platform", valid_enum, 0, 0, platforms },	/* NF_PLATFORM */
	{ "token", valid_token, 1, 255, NULL },		/* NF_TOKEN */
	PREF("enrolment_received"),
	PREF("enrolment_approved"),
	PREF("enrolment_rejected"),
	PREF("event_published"),
	PREF("event_changed"),
	PREF("event_cancelled"),
	PREF("sponsorship_requested"),
	PREF("sponsorship_accepted"),
	PREF("password_reset"),
	PREF("event_reminder"),
};

enum nf_stmt {
	STMT_LIST,
	STMT_UNREAD,
	STMT_ONE,
	STMT_READ,
	STMT_READ_ALL,
	STMT_TYPES,
	STMT_PREFS,
	STMT_PREF_SET,
	STMT_DEVICE_ADD,
	STMT_DEVICE_DEL,
	STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_LIST: one row more than a page tells whether there is a next */
	{ "SELECT id, type, title, body, params, link, read_at IS NOT NULL AS "
	  "is_read, created_at FROM notifications WHERE user_id = ? AND (? IS "
	  "NULL OR id < ?) ORDER BY id DESC LIMIT ?", NULL, 0 },
	/* STMT_UNREAD: answered by the (user_id, read_at) index alone */
	{ "SELECT COUNT(*) AS count FROM notifications WHERE user_id = ? AND "
	  "read_at IS NULL", NULL, 0 },
	/* STMT_ONE */
	{ "SELECT id, link FROM notifications WHERE id = ? AND user_id = ?",
	  NULL, 0 },
	/* STMT_READ */
	{ "UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE id = ? AND "
	  "user_id = ? AND read_at IS NULL", NULL, 0 },
	/* STMT_READ_ALL */
	{ "UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE user_id = ? "
	  "AND read_at IS NULL", NULL, 0 },
	/* STMT_TYPES */
	{ "SELECT code, name, name_en FROM notification_types WHERE retired_at "
	  "IS NULL ORDER BY position, id", NULL, 0 },
	/* STMT_PREFS */
	{ "SELECT type, channel, enabled FROM notification_prefs WHERE "
	  "user_id = ?", NULL, 0 },
	/* STMT_PREF_SET */
	{ "INSERT INTO notification_prefs (user_id, type, channel, enabled) "
	  "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE enabled = "
	  "VALUES(enabled)", NULL, 0 },
	/* STMT_DEVICE_ADD: a token moves to whoever registers it last */
	{ "INSERT INTO push_devices (user_id, platform, token) VALUES (?, ?, ?) "
	  "ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), platform = "
	  "VALUES(platform), created_at = UTC_TIMESTAMP(), last_used_at = NULL",
	  NULL, 0 },
	/* STMT_DEVICE_DEL */
	{ "DELETE FROM push_devices WHERE token = ? AND user_id = ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* A TINYINT(1) column arrives as a boolean; an expression as 0 or 1. */
static bool
truthy(const json_t *v)
{
	return json_is_true(v) || (json_is_integer(v) &&
	    json_integer_value(v) != 0);
}

/* MariaDB's 0/1 as JSON booleans. */
static void
to_bool(json_t *o, const char *from, const char *to)
{
	json_object_set_new(o, to, json_boolean(truthy(json_object_get(o,
	    from))));
	if (strcmp(from, to) != 0)
		json_object_del(o, from);
}

/*
 * GET /notifications?before=<id> (page and API): any signed-in user; their
 * own notifications, newest first, twenty a page.  {items: [{id, type,
 * title, body, link, read, created_at}], next: the cursor or null, unread}.
 */
static enum http_status
notifications_list(struct req *r, json_t *m)
{
	json_t		*rows = NULL, *row, *c = NULL;
	enum db_status	 rc;
	long long	 before = 0;
	size_t		 i;

	if (r->invalid[NF_BEFORE] != NULL)
		return HTTP_UNPROCESSABLE;
	req_focus(r, NF_BEFORE, -1);
	if (!req_int(r, NF_BEFORE, &before))
		before = 0;
	rc = db_query(&stmts[STMT_LIST], P(DB_INT(r->user.id), before > 0 ?
	    DB_INT(before) : DB_NULL, DB_INT(before), DB_INT(PAGE_SIZE + 1)),
	    &rows);
	if (rc != DB_OK)
		return app_db_status(rc);
	if (json_array_size(rows) > PAGE_SIZE) {
		json_array_remove(rows, PAGE_SIZE);
		row = json_array_get(rows, PAGE_SIZE - 1);
		json_object_set(m, "next", json_object_get(row, "id"));
	} else
		json_object_set_new(m, "next", json_null());
	json_array_foreach(rows, i, row) {
		/* In the reader's language, whichever it was written in. */
		notice_localize(row, req_lang_named(r));
		to_bool(row, "is_read", "read");
		resp_time_text(r, row, "created_at");
	}
	json_object_set_new(m, "items", rows);
	if (!r->api) {
		if ((rc = db_query_one(&stmts[STMT_UNREAD], P(DB_INT(
		    r->user.id)), &c)) != DB_OK)
			return app_db_status(rc);
		json_object_set_new(m, "has_unread", json_boolean(
		    json_integer_value(json_object_get(c, "count")) > 0));
		json_decref(c);
	}
	return HTTP_OK;
}

/*
 * GET /api/v1/notifications/unread-count: any signed-in user.  {"count"}.
 */
static enum http_status
notifications_unread(struct req *r, json_t *m)
{
	json_t		*c = NULL;
	enum db_status	 rc;

	req_focus(r, -1);
	if ((rc = db_query_one(&stmts[STMT_UNREAD], P(DB_INT(r->user.id)),
	    &c)) != DB_OK)
		return app_db_status(rc);
	json_object_set(m, "count", json_object_get(c, "count"));
	json_decref(c);
	return HTTP_OK;
}

/*
 * POST /notifications/{id}/read: any signed-in user, their own only (404
 * for anyone else's: existence is private).  204; a page goes back to
 * the list (the title is the link to follow).
 */
static enum http_status
notifications_read(struct req *r, json_t *m)
{
	json_t		*n = NULL;
	enum db_status	 rc;

	(void)m;	/* 204: nothing to say */
	req_focus(r, -1);
	if ((rc = db_query_one(&stmts[STMT_ONE], P(DB_INT(r->id),
	    DB_INT(r->user.id)), &n)) != DB_OK)
		return app_db_status(rc);
	rc = db_exec(&stmts[STMT_READ], P(DB_INT(r->id), DB_INT(r->user.id)),
	    NULL, NULL);
	r->redirect = "/notifications";
	json_decref(n);
	if (rc != DB_OK)
		return app_db_status(rc);
	return HTTP_NO_CONTENT;
}

/*
 * POST /notifications/read-all: any signed-in user; marks every one of
 * theirs read.  204, or the list again with a message.
 */
static enum http_status
notifications_read_all(struct req *r, json_t *m)
{
	enum db_status	 rc;

	(void)m;	/* 204: nothing to say */
	req_focus(r, -1);
	if ((rc = db_exec(&stmts[STMT_READ_ALL], P(DB_INT(r->user.id)), NULL,
	    NULL)) != DB_OK)
		return app_db_status(rc);
	r->redirect = "/notifications";
	r->flash = "notifications_read";
	return HTTP_NO_CONTENT;
}

static bool
known_type(const char *type, size_t *at)
{
	size_t	 i;

	for (i = 0; type != NULL && i < NTYPES; i++)
		if (strcmp(types[i], type) == 0) {
			*at = i;
			return true;
		}
	return false;
}

/* Every type with its three switches; a missing preference is on. */
static enum db_status
load_prefs(struct req *r, json_t *m)
{
	json_t		*tps = NULL, *prefs = NULL, *items, *row, *it;
	bool		 on[NTYPES][NCHANNELS];
	const char	*code, *ch, *name;
	enum db_status	 rc;
	size_t		 i, t, c;

	for (t = 0; t < NTYPES; t++)
		for (c = 0; c < NCHANNELS; c++)
			on[t][c] = true;
	if ((rc = db_query(&stmts[STMT_TYPES], DB_NOPARAMS, &tps)) != DB_OK)
		return rc;
	if ((rc = db_query(&stmts[STMT_PREFS], P(DB_INT(r->user.id)),
	    &prefs)) != DB_OK) {
		json_decref(tps);
		return rc;
	}
	json_array_foreach(prefs, i, row) {
		ch = json_string_value(json_object_get(row, "channel"));
		if (!known_type(json_string_value(json_object_get(row, "type")),
		    &t) || ch == NULL)
			continue;
		for (c = 0; c < NCHANNELS; c++)
			if (strcmp(channels[c], ch) == 0)
				on[t][c] = truthy(json_object_get(row,
				    "enabled"));
	}
	items = json_array();
	json_array_foreach(tps, i, row) {
		code = json_string_value(json_object_get(row, "code"));
		if (!known_type(code, &t))
			continue;
		name = json_string_value(json_object_get(row,
		    strcmp(r->lang, "en") == 0 ? "name_en" : "name"));
		if (name == NULL)
			name = json_string_value(json_object_get(row, "name"));
		it = json_pack("{s:s, s:s}", "type", code, "name", name);
		for (c = 0; c < NCHANNELS; c++) {
			json_object_set_new(it, channels[c], json_boolean(
			    on[t][c] || always_on(t, c)));
			if (always_on(t, c) && !r->api)
				json_object_set_new(it, arena_printf(r->arena,
				    "%s_fixed", channels[c]), json_true());
		}
		json_array_append_new(items, it);
	}
	json_decref(tps);
	json_decref(prefs);
	json_object_set_new(m, "items", items);
	return DB_OK;
}

/*
 * GET /notifications/preferences (page and API): any signed-in user.
 * {items: [{type, name, inapp, email, push}]}.
 */
static enum http_status
notifications_prefs(struct req *r, json_t *m)
{
	req_focus(r, -1);
	return app_db_status(load_prefs(r, m));
}

static enum db_status
prefs_tx(void *arg)
{
	struct req	*r = arg;
	const char	*v;
	enum db_status	 rc;
	size_t		 t, c, f;
	bool		 on;

	for (t = 0; t < NTYPES; t++)
		for (c = 0; c < NCHANNELS; c++) {
			if (always_on(t, c))
				continue;
			f = NF_PREFS + t * NCHANNELS + c;
			v = req_value(r, f);
			/* The page's form sends every ticked box: one missing
			 * is off.  The API changes only what it names. */
			if (v == NULL && r->api)
				continue;
			on = v != NULL && req_bool(r, f, false);
			if ((rc = db_exec(&stmts[STMT_PREF_SET], P(DB_INT(
			    r->user.id), DB_TEXT(types[t]), DB_TEXT(channels[c]),
			    DB_INT(on ? 1 : 0)), NULL, NULL)) != DB_OK)
				return rc;
		}
	return DB_OK;
}

/*
 * POST /notifications/preferences (the page's form: a box per type and
 * channel, unticked is off) and PUT /api/v1/notifications/preferences
 * ({"<type>.<channel>": bool, ...}; absent ones stay).  Any signed-in
 * user.  200 with the preferences, or back to the page.
 */
/* Whether every key of an API body names a preference: an unknown one
 * would be a change the client thinks it made. */
static bool
prefs_known(const struct req *r)
{
	const char	*key;
	json_t		*v;
	size_t		 f;

	if (!r->api || r->json == NULL)
		return true;
	json_object_foreach(r->json, key, v) {
		(void)v;
		for (f = NF_PREFS; f < NF_PREFS + NTYPES * NCHANNELS; f++)
			if (strcmp(fields[f].name, key) == 0)
				break;
		if (f == NF_PREFS + NTYPES * NCHANNELS)
			return false;
	}
	return true;
}

static enum http_status
notifications_prefs_save(struct req *r, json_t *m)
{
	enum db_status	 rc;
	size_t		 t, c, f;

	if (!prefs_known(r)) {
		r->detail = "error_detail.prefs_unknown";
		return HTTP_UNPROCESSABLE;
	}
	for (t = 0; t < NTYPES; t++)
		for (c = 0; c < NCHANNELS; c++) {
			f = NF_PREFS + t * NCHANNELS + c;
			if (always_on(t, c) && r->api &&
			    req_value(r, f) != NULL && !req_bool(r, f, true))
				req_set_invalid(r, f, "valid.pref_fixed");
		}
	if (r->has_invalid) {
		load_prefs(r, m);
		return HTTP_UNPROCESSABLE;
	}
	if ((rc = db_tx(prefs_tx, r)) != DB_OK)
		return app_db_status(rc);
	if ((rc = load_prefs(r, m)) != DB_OK)
		return app_db_status(rc);
	r->redirect = "/notifications/preferences";
	r->flash = "saved";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/*
 * POST /api/v1/notifications/devices {platform, token}: any signed-in
 * user registers a device for push; a known token moves to them.  201.
 */
static enum http_status
notifications_device_add(struct req *r, json_t *m)
{
	enum db_status	 rc;

	if (!req_require(r, NF_PLATFORM, NF_TOKEN, -1) ||
	    !req_only(r, REQ_F(NF_PLATFORM) | REQ_F(NF_TOKEN)))
		return HTTP_UNPROCESSABLE;
	rc = db_exec(&stmts[STMT_DEVICE_ADD], P(DB_INT(r->user.id),
	    DB_TEXT(req_value(r, NF_PLATFORM)), DB_TEXT(req_value(r,
	    NF_TOKEN))), NULL, NULL);
	if (rc != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "platform", json_string(req_value(r,
	    NF_PLATFORM)));
	json_object_set_new(m, "token", json_string(req_value(r, NF_TOKEN)));
	return HTTP_CREATED;
}

/*
 * DELETE /api/v1/notifications/devices {token}: any signed-in user
 * forgets one of their devices.  204, or 404 when it is not theirs.
 */
static enum http_status
notifications_device_del(struct req *r, json_t *m)
{
	enum db_status	 rc;
	uint64_t	 n = 0;

	(void)m;	/* 204: nothing to say */
	if (!req_require(r, NF_TOKEN, -1) || !req_only(r, REQ_F(NF_TOKEN)))
		return HTTP_UNPROCESSABLE;
	rc = db_exec(&stmts[STMT_DEVICE_DEL], P(DB_TEXT(req_value(r,
	    NF_TOKEN)), DB_INT(r->user.id)), &n, NULL);
	if (rc != DB_OK)
		return app_db_status(rc);
	return n > 0 ? HTTP_NO_CONTENT : HTTP_NOT_FOUND;
}

/* The spool, when this is a development install that shows it. */
static const char *
dev_spool(void)
{
	if (!cfg_bool("notifications", "dev_mail", false))
		return NULL;
	return cfg_str("mail", "spool", NULL);
}

static bool
spool_name(const char *s, size_t len)
{
	size_t	 i;

	if (len < 5 || len > 200 || strcmp(s + len - 4, ".eml") != 0 ||
	    s[0] == '.')
		return false;
	for (i = 0; i < len; i++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789._-", s[i]) == NULL || s[i] == '\0')
			return false;
	return true;
}

/* Reads at most MAIL_MAX bytes of a spooled message; NULL if unreadable. */
static char *
slurp(struct req *r, const char *dir, const char *name, size_t *len)
{
	char	 path[4096], *p;
	ssize_t	 n;
	size_t	 got = 0;
	int	 fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW)) < 0)
		return NULL;
	p = arena_alloc(r->arena, MAIL_MAX + 1);
	while (got < MAIL_MAX && (n = read(fd, p + got, MAIL_MAX - got)) > 0)
		got += (size_t)n;
	close(fd);
	p[got] = '\0';
	*len = got;
	return p;
}

/* A header's value, unfolded; its UTF-8 encoded-words (as mail.c
 * writes them, one line each) decoded and joined. */
static const char *
header(struct req *r, const char *msg, const char *name)
{
	const char	*at, *end, *w;
	unsigned char	*dec;
	struct buf	 v;
	const char	*out;
	size_t		 nlen = strlen(name), outlen, n;

	for (at = msg; at != NULL && *at != '\0' && strncmp(at, "\r\n", 2) != 0;
	    at = (end = strstr(at, "\r\n")) != NULL ? end + 2 : NULL) {
		if (strncasecmp(at, name, nlen) != 0 || at[nlen] != ':')
			continue;
		buf_init(&v);
		at += nlen + 1;
		for (;;) {
			at += strspn(at, " \t");
			end = strstr(at, "\r\n");
			if (end == NULL)
				end = at + strlen(at);
			n = (size_t)(end - at);
			w = at + 10;
			/* An encoded-word alone on its line is decoded; any
			 * other text is kept as it is. */
			if (n > 12 && strncmp(at, "=?UTF-8?B?", 10) == 0 &&
			    strncmp(end - 2, "?=", 2) == 0) {
				dec = arena_alloc(r->arena, n);
				if (sodium_base642bin(dec, n, w,
				    (size_t)(end - 2 - w), NULL, &outlen, NULL,
				    sodium_base64_VARIANT_ORIGINAL) == 0)
					buf_append(&v, (const char *)dec, outlen);
			} else {
				/* Unfolding keeps a plain line's space. */
				if (v.len > 0)
					buf_putc(&v, ' ');
				buf_append(&v, at, n);
			}
			if (strncmp(end, "\r\n ", 3) != 0 &&
			    strncmp(end, "\r\n\t", 3) != 0)
				break;
			at = end + 2;
		}
		out = arena_strndup(r->arena, buf_str(&v), v.len);
		buf_free(&v);
		return out;
	}
	return "";
}

static int
newest_first(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;
	long long	 i = strtoll(*x, NULL, 10), j = strtoll(*y, NULL, 10);

	if (i != j)
		return i < j ? 1 : -1;
	return strcmp(*y, *x);
}

/*
 * GET /notifications/dev/mail: admins (the spool holds everyone's mail,
 * reset links too), on a development install only
 * ([notifications] dev_mail, set by etc/stack.sh; 404 otherwise).  The
 * messages in the mail spool, newest first: {items: [{file, to, subject,
 * date}]}.
 */
static enum http_status
notifications_dev_mail(struct req *r, json_t *m)
{
	const char	*dir, *msg;
	const char	**names;
	struct dirent	*de;
	json_t		*items;
	size_t		 n = 0, cap = 64, i, len;
	DIR		*d;

	req_focus(r, -1);
	if ((dir = dev_spool()) == NULL)
		return HTTP_NOT_FOUND;
	items = json_array();
	json_object_set_new(m, "items", items);
	if ((d = opendir(dir)) == NULL)
		return HTTP_OK;	/* nothing sent yet */
	names = arena_alloc(r->arena, cap * sizeof(*names));
	while ((de = readdir(d)) != NULL) {
		if (!spool_name(de->d_name, strlen(de->d_name)))
			continue;
		if (n == cap) {
			const char **more = arena_alloc(r->arena, 2 * cap *
			    sizeof(*names));

			memcpy(more, names, cap * sizeof(*names));
			names = more;
			cap *= 2;
		}
		names[n++] = arena_strdup(r->arena, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), newest_first);
	for (i = 0; i < n && i < MAILS_SHOWN; i++) {
		if ((msg = slurp(r, dir, names[i], &len)) == NULL)
			continue;
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s}",
		    "file", names[i], "to", header(r, msg, "To"), "subject",
		    header(r, msg, "Subject"), "date", header(r, msg, "Date")));
	}
	return HTTP_OK;
}

/*
 * GET /notifications/dev/mail/{file}: one spooled message as plain text,
 * under the same condition as the list.
 */
static enum http_status
notifications_dev_mail_show(struct req *r, json_t *m)
{
	const char	*dir, *name;
	char		*msg;
	size_t		 len;

	(void)m;	/* the body is the message itself */
	req_focus(r, -1);
	if ((dir = dev_spool()) == NULL || r->match.nparams < 1)
		return HTTP_NOT_FOUND;
	name = arena_strndup(r->arena, r->match.params[0].value,
	    r->match.params[0].len);
	if (!spool_name(name, strlen(name)) ||
	    (msg = slurp(r, dir, name, &len)) == NULL)
		return HTTP_NOT_FOUND;
	r->raw_body = msg;
	r->raw_len = len;
	r->raw_type = "text/plain; charset=utf-8";
	return HTTP_OK;
}

static const struct route routes[] = {
	{ M_GET, "/notifications", notifications_list, ROLE_USER,
	    "notifications/list" },
	{ M_GET, "/notifications/unread-count", notifications_unread, ROLE_USER,
	    NULL },
	{ M_POST, "/notifications/read-all", notifications_read_all, ROLE_USER,
	    NULL },
	{ M_POST, "/notifications/{id}/read", notifications_read, ROLE_USER,
	    NULL },
	{ M_GET, "/notifications/preferences", notifications_prefs, ROLE_USER,
	    "notifications/preferences" },
	{ M_POST | M_PUT, "/notifications/preferences",
	    notifications_prefs_save, ROLE_USER, "notifications/preferences" },
	{ M_POST, "/notifications/devices", notifications_device_add,
	    ROLE_USER, NULL },
	{ M_DELETE, "/notifications/devices", notifications_device_del,
	    ROLE_USER, NULL },
	{ M_GET, "/notifications/dev/mail", notifications_dev_mail, ROLE_ADMIN,
	    "notifications/mail" },
	{ M_GET, "/notifications/dev/mail/{file}", notifications_dev_mail_show,
	    ROLE_ADMIN, NULL },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app notifications = {
	"notifications", routes, fields, NF__MAX, stmts, STMT__MAX, NULL,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &notifications);
}
