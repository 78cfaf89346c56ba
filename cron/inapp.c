/*
 * inapp: turns domain events into notifications.  One consumer per outbox
 * topic finds the people concerned inside its transaction, writes one
 * notifications row each (the unique key on outbox row, user and type
 * keeps it once) and, where the person's preferences allow, appends a
 * mail.notification and a push.notification row for the mail and push
 * consumers, so each channel is retried on its own.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "consumer.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"

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
	STMT_USER, STMT_PARTICIPANTS, STMT_APPROVED, STMT_OFF, STMT_INSERT,
	STMT_DEVICES, STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_USER */
	{ "SELECT id, lang FROM users WHERE id = ? AND disabled = 0 AND "
	  "deleted_at IS NULL", NULL, 0 },
	/* STMT_PARTICIPANTS: still in: pending, approved or waiting */
	{ "SELECT u.id, u.lang FROM participations p JOIN users u ON u.id = "
	  "p.user_id WHERE p.event_id = ? AND p.status IN ('pending', "
	  "'approved', 'waitlisted') AND u.disabled = 0 AND u.deleted_at IS "
	  "NULL ORDER BY u.id", NULL, 0 },
	/* STMT_APPROVED */
	{ "SELECT u.id, u.lang FROM participations p JOIN users u ON u.id = "
	  "p.user_id WHERE p.event_id = ? AND p.status = 'approved' AND "
	  "u.disabled = 0 AND u.deleted_at IS NULL ORDER BY u.id", NULL, 0 },
	/* STMT_OFF: the channels this person turned off for the type */
	{ "SELECT channel FROM notification_prefs WHERE user_id = ? AND type = "
	  "? AND enabled = 0", NULL, 0 },
	/* STMT_INSERT: a second delivery of the same row changes nothing */
	{ "INSERT IGNORE INTO notifications (user_id, outbox_id, type, title, "
	  "body, link) VALUES (?, ?, ?, ?, ?, ?)", NULL, 0 },
	/* STMT_DEVICES */
	{ "SELECT COUNT(*) AS n FROM push_devices WHERE user_id = ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* Releases the statements (called from mail_free at the notifier's end). */
void
inapp_free(void)
{
	db_release_all(stmts, STMT__MAX);
}

static long long
pint(json_t *payload, const char *key)
{
	return (long long)json_integer_value(json_object_get(payload, key));
}

/* Cuts s to at most max code points, never inside a character. */
static void
clip(struct buf *b, size_t max)
{
	size_t	 i, n = 0;

	for (i = 0; i < b->len; i++)
		if (((unsigned char)b->data[i] & 0xc0) != 0x80 && n++ == max) {
			b->data[i] = '\0';
			b->len = i;
			return;
		}
}

/* The catalog's text with {title} replaced by the event's title. */
static void
words(struct buf *b, const char *lang, const char *type, const char *part,
    const char *title, size_t max)
{
	const char	*s, *at;
	char		 key[128];

	snprintf(key, sizeof(key), "notifications.kinds.%s.%s", type, part);
	s = i18n_get(lang, key);
	buf_reset(b);
	while ((at = strstr(s, "{title}")) != NULL) {
		buf_append(b, s, (size_t)(at - s));
		buf_puts(b, title);
		s = at + strlen("{title}");
	}
	buf_puts(b, s);
	clip(b, max);
}

/* The people a row concerns: a new array of {id, lang}. */
static enum db_status
recipients(const struct kind *k, json_t *payload, json_t **out)
{
	long long	 uid, by;

	*out = NULL;
	switch (k->who) {
	case RCPT_PARTICIPANTS:
		return db_query(&stmts[STMT_PARTICIPANTS],
		    P(DB_INT(pint(payload, "event_id"))), out);
	case RCPT_APPROVED:
		return db_query(&stmts[STMT_APPROVED],
		    P(DB_INT(pint(payload, "event_id"))), out);
	case RCPT_USER:
		uid = pint(payload, "user_id");
		break;
	case RCPT_ORGANIZER:
		uid = pint(payload, "organizer_id");
		break;
	case RCPT_COMPANY:
		uid = pint(payload, "company_id");
		break;
	case RCPT_OTHER_SIDE:
	default:
		by = pint(payload, "by");
		uid = by == pint(payload, "company_id") ?
		    pint(payload, "organizer_id") : pint(payload, "company_id");
		break;
	}
	return db_query(&stmts[STMT_USER], P(DB_INT(uid)), out);
}

struct note {
	const struct kind *k;
	int64_t		 outbox_id;
	json_t		*payload;
	const char	*link;
	const char	*body_part;	/* the catalog's key for the body */
	struct buf	 title, body;
};

/* The channels on for one person: a missing preference counts as on. */
static enum db_status
channels(const struct note *n, long long uid, bool *inapp, bool *mail,
    bool *push)
{
	json_t		*rows = NULL, *row;
	const char	*ch;
	enum db_status	 rc;
	size_t		 i;

	*inapp = *mail = *push = true;
	if ((rc = db_query(&stmts[STMT_OFF], P(DB_INT(uid),
	    DB_TEXT(n->k->type)), &rows)) != DB_OK)
		return rc;
	json_array_foreach(rows, i, row) {
		ch = json_string_value(json_object_get(row, "channel"));
		if (ch == NULL)
			continue;
		if (strcmp(ch, "inapp") == 0)
			*inapp = false;
		else if (strcmp(ch, "email") == 0)
			*mail = false;
		else if (strcmp(ch, "push") == 0)
			*push = false;
	}
	json_decref(rows);
	return DB_OK;
}

static json_t *
channel_payload(const struct note *n, long long uid)
{
	const char	*title;

	title = json_string_value(json_object_get(n->payload, "title"));
	/* No event_id: these rows are about a person, not an event's
	 * history (the link says which event). */
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I}",
	    "user_id", (json_int_t)uid, "type", n->k->type, "title",
	    buf_str(&n->title), "subject", buf_str(&n->title), "body",
	    buf_str(&n->body), "link",
	    n->link != NULL ? n->link : "/notifications", "event_title",
	    title != NULL ? title : "", "source", (json_int_t)n->outbox_id);
}

/* One person: the row, and the mail and push requests. */
static enum db_status
notify_one(struct note *n, json_t *who)
{
	json_t		*row = NULL;
	const char	*lang, *title;
	long long	 uid;
	bool		 inapp, mail, push;
	enum db_status	 rc;

	uid = (long long)json_integer_value(json_object_get(who, "id"));
	lang = json_string_value(json_object_get(who, "lang"));
	if (!i18n_known(lang))
		lang = I18N_DEFAULT;
	if ((rc = channels(n, uid, &inapp, &mail, &push)) != DB_OK)
		return rc;
	title = json_string_value(json_object_get(n->payload, "title"));
	if (title == NULL)
		title = "";
	words(&n->title, lang, n->k->type, "title", title, 200);
	words(&n->body, lang, n->k->type, n->body_part, title, 1000);
	if (inapp && (rc = db_exec(&stmts[STMT_INSERT], P(DB_INT(uid),
	    DB_INT(n->outbox_id), DB_TEXT(n->k->type), DB_TEXT(buf_str(
	    &n->title)), DB_TEXT(buf_str(&n->body)), DB_TEXT(n->link)), NULL,
	    NULL)) != DB_OK)
		return rc;
	if (mail && n->k->mail && (rc = outbox_append("mail.notification",
	    channel_payload(n, uid))) != DB_OK)
		return rc;
	if (!push)
		return DB_OK;
	/* A push request only for someone with a device to send it to. */
	if ((rc = db_query_one(&stmts[STMT_DEVICES], P(DB_INT(uid)), &row)) !=
	    DB_OK)
		return rc;
	if (json_integer_value(json_object_get(row, "n")) > 0)
		rc = outbox_append("push.notification", channel_payload(n, uid));
	json_decref(row);
	return rc;
}

static enum db_status
notify(const struct kind *k, int64_t id, json_t *payload, char *err,
    size_t errlen)
{
	struct note	 n;
	json_t		*who = NULL, *w;
	const char	*status;
	char		 link[128];
	enum db_status	 rc;
	size_t		 i;

	status = json_string_value(json_object_get(payload, "status"));
	/* Promoted from the waiting list to pending is not news yet; a
	 * draft's edits concern nobody enrolled. */
	if ((k == &kinds[K_PROMOTED] && (status == NULL ||
	    strcmp(status, "approved") != 0)) || (k == &kinds[K_CHANGED] &&
	    status != NULL && strcmp(status, "draft") == 0))
		return DB_OK;
	memset(&n, 0, sizeof(n));
	n.k = k;
	n.outbox_id = id;
	n.payload = payload;
	/* An enrolment the event took on its own needs no review. */
	n.body_part = k == &kinds[K_ENROL] && status != NULL &&
	    strcmp(status, "approved") == 0 ? "body_auto" : "body";
	buf_init(&n.title);
	buf_init(&n.body);
	if (k->link != NULL) {
		snprintf(link, sizeof(link), "/events/%lld%s",
		    pint(payload, "event_id"), k->link);
		n.link = link;
	}
	if ((rc = recipients(k, payload, &who)) != DB_OK) {
		snprintf(err, errlen, "%s: recipients: %s", k->topic,
		    db_status_str(rc));
		goto out;
	}
	json_array_foreach(who, i, w)
		if ((rc = notify_one(&n, w)) != DB_OK) {
			snprintf(err, errlen, "%s: %s", k->topic,
			    db_status_str(rc));
			break;
		}
out:
	json_decref(who);
	buf_free(&n.title);
	buf_free(&n.body);
	return rc;
}

#define INAPP(fn, idx)							\
static enum db_status							\
fn(int64_t id, json_t *payload, char *err, size_t errlen)		\
{									\
	return notify(&kinds[idx], id, payload, err, errlen);		\
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
	{ "inapp.participation.created", "participation.created", inapp_enrol },
	{ "inapp.participation.approved", "participation.approved",
	    inapp_approved },
	{ "inapp.participation.promoted", "participation.promoted",
	    inapp_promoted },
	{ "inapp.participation.rejected", "participation.rejected",
	    inapp_rejected },
	{ "inapp.event.published", "event.published", inapp_published },
	{ "inapp.event.updated", "event.updated", inapp_changed },
	{ "inapp.event.cancelled", "event.cancelled", inapp_cancelled },
	{ "inapp.sponsor.requested", "sponsor.requested", inapp_sp_requested },
	{ "inapp.sponsor.invited", "sponsor.invited", inapp_sp_invited },
	{ "inapp.sponsor.accepted", "sponsor.accepted", inapp_sp_accepted },
	{ "inapp.password_reset", "mail.password_reset", inapp_reset },
	{ "inapp.event.reminder", "event.reminder", inapp_reminder },
	{ NULL, NULL, NULL },
};
