/*
 * reminders: a timed job of the notifier.  A published event starting
 * within [notifier] reminder_hours (24) gets one event.reminder outbox
 * row; the in-app consumer turns it into a reminder for each approved
 * participant (and their mail and push).  event_reminders remembers the
 * events done, in the same transaction as the outbox row.
 */
#include "cfg.h"
#include "consumer.h"
#include "log.h"
#include "outbox.h"

enum { STMT_PICK, STMT_MARK, STMT__MAX };

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_PICK: overlapping runs skip each other's rows */
	{ "SELECT e.id, e.organizer_id, e.title, e.starts_at FROM events e "
	  "WHERE e.status = 'published' AND e.starts_at > UTC_TIMESTAMP() AND "
	  "e.starts_at <= UTC_TIMESTAMP() + INTERVAL ? HOUR AND NOT EXISTS "
	  "(SELECT 1 FROM event_reminders r WHERE r.event_id = e.id) "
	  "ORDER BY e.id LIMIT 100 FOR UPDATE SKIP LOCKED", NULL, 0 },
	/* STMT_MARK */
	{ "INSERT IGNORE INTO event_reminders (event_id) VALUES (?)", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

static enum db_status
remind_tx(void *arg)
{
	json_t		*rows = NULL, *e;
	enum db_status	 rc;
	uint64_t	 fresh;
	size_t		 i;
	int		*count = arg;

	if ((rc = db_query(&stmts[STMT_PICK], P(DB_INT(cfg_int("notifier",
	    "reminder_hours", 24))), &rows)) != DB_OK)
		return rc;
	json_array_foreach(rows, i, e) {
		fresh = 0;
		if ((rc = db_exec(&stmts[STMT_MARK], P(DB_INT(json_integer_value(
		    json_object_get(e, "id")))), &fresh, NULL)) != DB_OK)
			break;
		if (fresh == 0)
			continue;
		if ((rc = outbox_append("event.reminder", json_pack("{s:O, s:O, "
		    "s:O, s:O}", "event_id", json_object_get(e, "id"),
		    "organizer_id", json_object_get(e, "organizer_id"), "title",
		    json_object_get(e, "title"), "starts_at", json_object_get(e,
		    "starts_at")))) != DB_OK)
			break;
		(*count)++;
	}
	json_decref(rows);
	return rc;
}

/* Queues the reminders due now; a failure waits for the next run. */
void
reminders_run(void)
{
	int	 n = 0;

	if (db_tx(remind_tx, &n) != DB_OK)
		log_warnx("event reminders failed; the next run tries again");
	else if (n > 0)
		log_info("%d event reminders queued", n);
}

/* Releases the job's statements. */
void
reminders_free(void)
{
	db_release_all(stmts, STMT__MAX);
}
