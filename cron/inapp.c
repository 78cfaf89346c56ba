/*
 * inapp: turns domain events into notifications.  One consumer per outbox
 * topic finds the people concerned inside its transaction, writes one
 * notifications row each (the unique key on outbox row, user and type
 * keeps it once) and, where the person's preferences allow, appends a
 * mail.notification and a push.notification row for the mail and push
 * consumers, so each channel is retried on its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "consumer.h"
#include "i18n.h"
#include "log.h"
#include "notice.h"
#include "outbox.h"
#include "tz.h"

/* Who hears about a topic. */
enum rcpt {
	RCPT_USER,		/* payload user_id */
	RCPT_ORGANIZER,		/* payload organizer_id */
	RCPT_COMPANY,		/* payload company_id */
	RCPT_OTHER_SIDE,	/* organizer or company: whoever did not act */
	RCPT_PARTICIPANTS,	/* everyone enrolled and not out */
	RCPT_APPROVED,		/* approved participants only */
};

struct kind {
	const char	*topic;
	const char	*type;		/* notification_types.code */
	enum rcpt	 who;
	const char	*link;		/* "" of event_id, or NULL */
	bool		 mail;		/* false: another consumer mails it */
};

enum {
	K_ENROL, K_APPROVED, K_PROMOTED, K_REJECTED, K_PUBLISHED, K_CHANGED,
	K_CANCELLED, K_SP_REQUESTED, K_SP_INVITED, K_SP_ACCEPTED, K_RESET,
	K_REMINDER, K__MAX
};

static const struct kind kinds[K__MAX] = {
	{ "participation.created", "enrolment_received", RCPT_ORGANIZER,
	    "", true },
	{ "participation.approved", "enrolment_approved", RCPT_USER,
	    "", true },
	{ "participation.promoted", "enrolment_approved", RCPT_USER,
	    "", true },
	{ "participation.rejected", "enrolment_rejected", RCPT_USER,
	    "", true },
	{ "event.published", "event_published", RCPT_PARTICIPANTS,
	    "", true },
	{ "event.updated", "event_changed", RCPT_PARTICIPANTS,
	    "", true },
	{ "event.cancelled", "event_cancelled", RCPT_PARTICIPANTS,
	    "", true },
	{ "sponsor.requested", "sponsorship_requested", RCPT_ORGANIZER,
	    "/sponsors", true },
	{ "sponsor.invited", "sponsorship_requested", RCPT_COMPANY,
	    "/sponsors", true },
	{ "sponsor.accepted", "sponsorship_accepted", RCPT_OTHER_SIDE,
	    "/sponsors", true },
	{ "mail.password_reset", "password_reset", RCPT_USER, NULL, false },
	{ "event.reminder", "event_reminder", RCPT_APPROVED, "",
	    true },
};

enum {
	STMT_PEOPLE, STMT_PARTICIPANTS, STMT_INSERT, STMT__MAX
};

/* What the statements below say of each person: the language, the
 * channels turned off for the type (a missing preference counts as on)
 * and the devices to push to. */
#define PERSON_COLUMNS \
	"u.id, u.lang, (SELECT GROUP_CONCAT(np.channel) FROM " \
	"notification_prefs np WHERE np.user_id = u.id AND np.type = ? AND " \
	"np.enabled = 0) AS off, (SELECT JSON_ARRAYAGG(d.id) FROM " \
	"push_devices d WHERE d.user_id = u.id) AS devices "

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_PEOPLE: type, then [{"i": row, "u": user id}, ...] */
	{ "SELECT j.i, " PERSON_COLUMNS "FROM JSON_TABLE(?, '$[*]' COLUMNS "
	  "(i INT PATH '$.i', u BIGINT UNSIGNED PATH '$.u')) j STRAIGHT_JOIN "
	  "users u ON u.id = j.u WHERE u.disabled = 0 AND u.deleted_at IS "
	  "NULL ORDER BY j.i", NULL, 0 },
	/* STMT_PARTICIPANTS: type, [{"i": row, "e": event id, "o": outbox
	 * id, "w": "3,17" or absent}, ...] and the three participation
	 * states that count.  Only those enrolled when the row was written:
	 * whoever enrols in a just published event before the notifier's
	 * next run is not told it was published.  (A row enrolled again
	 * keeps its first time.)  A row that names its people (a reminder)
	 * goes to those alone. */
	{ "SELECT j.i, " PERSON_COLUMNS "FROM JSON_TABLE(?, '$[*]' COLUMNS "
	  "(i INT PATH '$.i', e BIGINT UNSIGNED PATH '$.e', o BIGINT "
	  "UNSIGNED PATH '$.o', w TEXT PATH '$.w')) j STRAIGHT_JOIN outbox o "
	  "ON o.id = j.o STRAIGHT_JOIN participations p ON p.event_id = j.e "
	  "AND p.created_at <= o.created_at JOIN users u ON u.id = p.user_id "
	  "WHERE p.status IN (?, ?, ?) AND (j.w IS NULL OR "
	  "FIND_IN_SET(p.user_id, j.w) > 0) AND u.disabled = 0 AND "
	  "u.deleted_at IS NULL ORDER BY j.i, u.id", NULL, 0 },
	/* STMT_INSERT: type, [{"u", "o", "t", "b", "l", "p"}, ...]; a
	 * second delivery of the same row changes nothing */
	{ "INSERT IGNORE INTO notifications (user_id, outbox_id, type, title, "
	  "body, link, params) SELECT j.u, j.o, ?, j.t, j.b, j.l, j.p FROM "
	  "JSON_TABLE(?, '$[*]' COLUMNS (u BIGINT UNSIGNED PATH '$.u', o "
	  "BIGINT UNSIGNED PATH '$.o', t VARCHAR(200) CHARACTER SET utf8mb4 "
	  "PATH '$.t', b VARCHAR(1000) CHARACTER SET utf8mb4 PATH '$.b', "
	  "l VARCHAR(500) CHARACTER SET utf8mb4 PATH '$.l', p TEXT CHARACTER "
	  "SET utf8mb4 PATH '$.p')) j", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* Releases the statements (called from mail_free at the notifier's end). */
void
inapp_free(void)
{
	db_release_all(stmts, STMT__MAX);
}

/* A row's event start as people read it where the event happens, into
 * label; "" when the row does not carry it (rows written before). */
static const char *
when_of(const struct outbox_row *row, char label[TZ_LABEL_LEN])
{
	const char	*at, *zone;

	at = json_string_value(json_object_get(row->payload, "starts_at"));
	zone = json_string_value(json_object_get(row->payload, "timezone"));
	label[0] = '\0';
	if (at != NULL && zone != NULL)
		tz_label(zone, at, label);
	return label;
}

/* Whether a row is news at all: promoted from the waiting list to
 * pending is not yet, and a draft's edits concern nobody enrolled. */
static bool
is_news(const struct kind *k, json_t *payload)
{
	const char	*status;

	status = json_string_value(json_object_get(payload, "status"));
	if (k == &kinds[K_PROMOTED])
		return status != NULL && strcmp(status, "approved") == 0;
	if (k == &kinds[K_CHANGED])
		return status == NULL || strcmp(status, "draft") != 0;
	return true;
}

/* The one person a row names, for the kinds that have one. */
static long long
named_person(const struct kind *k, json_t *payload)
{
	long long	 by;

	switch (k->who) {
	case RCPT_USER:
		return jint(payload, "user_id");
	case RCPT_ORGANIZER:
		return jint(payload, "organizer_id");
	case RCPT_COMPANY:
		return jint(payload, "company_id");
	case RCPT_OTHER_SIDE:
		by = jint(payload, "by");
		return by == jint(payload, "company_id") ?
		    jint(payload, "organizer_id") : jint(payload, "company_id");
	default:
		return 0;
	}
}

/* What STMT_PARTICIPANTS asks of row i: its event, its outbox row and,
 * when it names its people (user_ids), those as "3,17". */
static json_t *
fan_ask(const struct outbox_row *row, size_t i)
{
	json_t		*ask, *ids, *id;
	struct buf	 w;
	size_t		 k;

	ask = json_pack("{s:I, s:I, s:I}", "i", (json_int_t)i, "e",
	    (json_int_t)jint(row->payload, "event_id"), "o",
	    (json_int_t)row->id);
	ids = json_object_get(row->payload, "user_ids");
	if (!json_is_array(ids))
		return ask;
	buf_init(&w);
	json_array_foreach(ids, k, id)
		buf_printf(&w, "%s%lld", k > 0 ? "," : "",
		    (long long)json_integer_value(id));
	json_object_set_new(ask, "w", json_string(buf_str(&w)));
	buf_free(&w);
	return ask;
}

/* The field a row of kind k lacks to name whom it concerns, or NULL: a
 * row that names nobody fails, to be retried and then seen among the
 * dead letters, rather than be done with nobody told. */
static const char *
missing_field(const struct kind *k, json_t *payload)
{
	switch (k->who) {
	case RCPT_USER:
		return jint(payload, "user_id") > 0 ? NULL : "user_id";
	case RCPT_ORGANIZER:
		return jint(payload, "organizer_id") > 0 ? NULL : "organizer_id";
	case RCPT_COMPANY:
		return jint(payload, "company_id") > 0 ? NULL : "company_id";
	case RCPT_OTHER_SIDE:
		if (jint(payload, "organizer_id") <= 0)
			return "organizer_id";
		return jint(payload, "company_id") > 0 ? NULL : "company_id";
	default:
		return jint(payload, "event_id") > 0 ? NULL : "event_id";
	}
}

/*
 * The people the rows concern, in one query: a new array of {i, id,
 * lang, off, devices}, i being the row's index, in the rows' order.
 */
static enum db_status
recipients(const struct kind *k, const struct outbox_row *rows, size_t n,
    json_t **out)
{
	json_t		*ask;
	enum db_status	 rc;
	char		*text;
	size_t		 i;
	bool		 fan = k->who == RCPT_PARTICIPANTS ||
			    k->who == RCPT_APPROVED;
	const char	*all = k->who == RCPT_APPROVED ? "approved" : "pending";

	*out = NULL;
	ask = json_array();
	for (i = 0; i < n; i++) {
		if (!is_news(k, rows[i].payload))
			continue;
		if (fan)
			json_array_append_new(ask, fan_ask(&rows[i], i));
		else
			json_array_append_new(ask, json_pack("{s:I, s:I}", "i",
			    (json_int_t)i, "u", (json_int_t)named_person(k,
			    rows[i].payload)));
	}
	if (json_array_size(ask) == 0) {
		json_decref(ask);
		*out = json_array();
		return DB_OK;
	}
	text = json_dumps(ask, JSON_COMPACT);
	json_decref(ask);
	if (fan)
		rc = db_query(&stmts[STMT_PARTICIPANTS], P(DB_TEXT(k->type),
		    DB_TEXT(text), DB_TEXT(all), DB_TEXT("approved"),
		    DB_TEXT(k->who == RCPT_APPROVED ? "approved" :
		    "waitlisted")), out);
	else
		rc = db_query(&stmts[STMT_PEOPLE], P(DB_TEXT(k->type),
		    DB_TEXT(text)), out);
	free(text);
	return rc;
}

/* Whether a channel is on for a person: not in their "off" list. */
static bool
channel_on(json_t *person, const char *channel)
{
	const char	*off = json_string_value(json_object_get(person, "off"));
	size_t		 len = strlen(channel);
	const char	*at;

	for (at = off; at != NULL && (at = strstr(at, channel)) != NULL;
	    at += len)
		if ((at == off || at[-1] == ',') && (at[len] == ',' ||
		    at[len] == '\0'))
			return false;
	return true;
}

/* What one batch of rows makes: the notifications and the requests for
 * the mail and push consumers, each written in one statement. */
struct notes {
	json_t		*inapp;
	json_t		*mail;
	json_t		*push;
	struct buf	 title, body;
};

static json_t *
channel_payload(const struct kind *k, const struct outbox_row *row,
    long long uid, const struct notes *ns, const char *link)
{
	const char	*title;

	title = json_string_value(json_object_get(row->payload, "title"));
	/* No event_id: these rows are about a person, not an event's
	 * history (the link says which event). */
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I}",
	    "user_id", (json_int_t)uid, "type", k->type, "title",
	    buf_str(&ns->title), "subject", buf_str(&ns->title), "body",
	    buf_str(&ns->body), "link", link != NULL ? link : "/notifications",
	    "event_title", title != NULL ? title : "", "source",
	    (json_int_t)row->id);
}

/* One person told of one row: the notification, the mail request, and a
 * push request per device, so that each device is retried on its own. */
static void
note_one(const struct kind *k, const struct outbox_row *row, json_t *who,
    struct notes *ns)
{
	const char	*lang, *title, *status, *body_part, *text, *when;
	char		 link[128], label[TZ_LABEL_LEN], *params;
	json_t		*devs, *d, *p;
	long long	 uid;
	size_t		 i;

	uid = (long long)json_integer_value(json_object_get(who, "id"));
	lang = json_string_value(json_object_get(who, "lang"));
	if (!i18n_known(lang))
		lang = I18N_DEFAULT;
	title = json_string_value(json_object_get(row->payload, "title"));
	if (title == NULL)
		title = "";
	status = json_string_value(json_object_get(row->payload, "status"));
	/* Only a pending enrolment waits for the NGO's review; one the
	 * event took on its own, or put on its full waiting list, does not. */
	body_part = "body";
	if (k == &kinds[K_ENROL] && status != NULL &&
	    strcmp(status, "approved") == 0)
		body_part = "body_auto";
	else if (k == &kinds[K_ENROL] && status != NULL &&
	    strcmp(status, "waitlisted") == 0)
		body_part = "body_waitlisted";
	/* Told of a change or reminded, people want to know when. */
	when = when_of(row, label);
	if ((k == &kinds[K_CHANGED] || k == &kinds[K_REMINDER]) && *when)
		body_part = "body_when";
	if (k->link != NULL)
		snprintf(link, sizeof(link), "/events/%lld%s",
		    (long long)jint(row->payload, "event_id"), k->link);
	notice_words(&ns->title, lang, k->type, "title", title, NULL,
	    NOTICE_TITLE_MAX);
	notice_words(&ns->body, lang, k->type, body_part, title, when,
	    NOTICE_BODY_MAX);
	/* With what they were drawn from, for readers of another language
	 * (without it, should that fail: the words stand as written). */
	if (channel_on(who, "inapp")) {
		params = notice_params(body_part, title, when);
		json_array_append_new(ns->inapp, json_pack("{s:I, s:I, s:s, "
		    "s:s, s:s?, s:s?}", "u", (json_int_t)uid, "o",
		    (json_int_t)row->id, "t", buf_str(&ns->title), "b",
		    buf_str(&ns->body), "l", k->link != NULL ? link : NULL,
		    "p", params));
		free(params);
	}
	if (k->mail && channel_on(who, "email"))
		json_array_append_new(ns->mail, channel_payload(k, row, uid, ns,
		    k->link != NULL ? link : NULL));
	if (!channel_on(who, "push"))
		return;
	text = json_string_value(json_object_get(who, "devices"));
	if (text == NULL || (devs = json_loads(text, 0, NULL)) == NULL)
		return;		/* no device */
	json_array_foreach(devs, i, d) {
		p = channel_payload(k, row, uid, ns, k->link != NULL ? link :
		    NULL);
		json_object_set(p, "device_id", d);
		json_array_append_new(ns->push, p);
	}
	json_decref(devs);
}

/* Writes what a batch made: a statement per kind of row, or more for
 * an event with many people (db_exec_chunks). */
static enum db_status
notes_write(const struct kind *k, struct notes *ns)
{
	enum db_status	 rc;

	rc = db_exec_chunks(&stmts[STMT_INSERT], k->type, ns->inapp);
	if (rc == DB_OK)
		rc = outbox_append_all("mail.notification", ns->mail);
	if (rc == DB_OK)
		rc = outbox_append_all("push.notification", ns->push);
	return rc;
}

static enum db_status
notify(const struct kind *k, const struct outbox_row *rows, size_t n,
    char *err, size_t errlen)
{
	struct notes	 ns;
	json_t		*who = NULL, *w;
	json_int_t	 at;
	enum db_status	 rc;
	const char	*lacks;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((lacks = missing_field(k, rows[i].payload)) != NULL) {
			snprintf(err, errlen, "%s: row %lld has no %s",
			    k->topic, (long long)rows[i].id, lacks);
			return DB_ERROR;
		}
	if ((rc = recipients(k, rows, n, &who)) != DB_OK) {
		snprintf(err, errlen, "%s: recipients: %s", k->topic,
		    db_status_str(rc));
		return rc;
	}
	ns.inapp = json_array();
	ns.mail = json_array();
	ns.push = json_array();
	buf_init(&ns.title);
	buf_init(&ns.body);
	json_array_foreach(who, i, w) {
		at = json_integer_value(json_object_get(w, "i"));
		if (at >= 0 && (size_t)at < n)
			note_one(k, &rows[at], w, &ns);
	}
	if ((rc = notes_write(k, &ns)) != DB_OK)
		snprintf(err, errlen, "%s: %s", k->topic, db_status_str(rc));
	json_decref(who);
	json_decref(ns.inapp);
	json_decref(ns.mail);
	json_decref(ns.push);
	buf_free(&ns.title);
	buf_free(&ns.body);
	return rc;
}

#define INAPP(fn, idx)							\
static enum db_status							\
fn(const struct outbox_row *rows, size_t n, char *err, size_t errlen)	\
{									\
	return notify(&kinds[idx], rows, n, err, errlen);		\
}

INAPP(inapp_enrol, K_ENROL)
INAPP(inapp_approved, K_APPROVED)
INAPP(inapp_promoted, K_PROMOTED)
INAPP(inapp_rejected, K_REJECTED)
INAPP(inapp_published, K_PUBLISHED)
INAPP(inapp_changed, K_CHANGED)
INAPP(inapp_cancelled, K_CANCELLED)
INAPP(inapp_sp_requested, K_SP_REQUESTED)
INAPP(inapp_sp_invited, K_SP_INVITED)
INAPP(inapp_sp_accepted, K_SP_ACCEPTED)
INAPP(inapp_reset, K_RESET)
INAPP(inapp_reminder, K_REMINDER)

const struct consumer inapp_consumers[] = {
	{ "inapp.participation.created", "participation.created", NULL,
	    inapp_enrol },
	{ "inapp.participation.approved", "participation.approved", NULL,
	    inapp_approved },
	{ "inapp.participation.promoted", "participation.promoted", NULL,
	    inapp_promoted },
	{ "inapp.participation.rejected", "participation.rejected", NULL,
	    inapp_rejected },
	{ "inapp.event.published", "event.published", NULL, inapp_published },
	{ "inapp.event.updated", "event.updated", NULL, inapp_changed },
	{ "inapp.event.cancelled", "event.cancelled", NULL, inapp_cancelled },
	{ "inapp.sponsor.requested", "sponsor.requested", NULL,
	    inapp_sp_requested },
	{ "inapp.sponsor.invited", "sponsor.invited", NULL, inapp_sp_invited },
	{ "inapp.sponsor.accepted", "sponsor.accepted", NULL,
	    inapp_sp_accepted },
	{ "inapp.password_reset", "mail.password_reset", NULL, inapp_reset },
	{ "inapp.event.reminder", "event.reminder", NULL, inapp_reminder },
	{ NULL, NULL, NULL, NULL },
};
