/*
 * reminders: a timed job of the notifier.  Each approved participant of
 * a published event starting within [notifier] reminder_hours (24) is
 * reminded once in those hours before its start: an event moved later
 * than that is reminded again before its new start, one moved by
 * minutes is not (its change notice gave the time).  One event.reminder
 * outbox row per event and run names
 * the people it is for, and the in-app consumer turns it into their
 * reminders (and their mail and push).  event_reminded remembers who was
 * reminded, in the same transaction as the outbox row, so someone
 * approved after the event entered its last day is reminded at the next
 * run (sql/018_event_reminded.sql).
 */
#include "cfg.h"
#include "consumer.h"
#include "log.h"
#include "outbox.h"

enum { STMT_PICK, STMT_MARK, STMT__MAX };

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_PICK: by event, through the (status, starts_at) index; two
	 * runs at once both may pick a person, STMT_MARK tells which won */
	{ "SELECT e.id, e.organizer_id, e.title, e.starts_at, p.user_id, "
	  "(SELECT timezone FROM cities WHERE id = e.city_id) AS timezone "
	  "FROM events e JOIN participations p ON p.event_id = e.id AND "
	  "p.status = 'approved' WHERE e.status = 'published' AND "
	  "e.starts_at > UTC_TIMESTAMP() AND e.starts_at <= "
	  "UTC_TIMESTAMP() + INTERVAL ? HOUR AND NOT EXISTS (SELECT 1 FROM "
	  "event_reminded r WHERE r.event_id = e.id AND r.user_id = "
	  "p.user_id AND r.sent_at >= e.starts_at - INTERVAL ? HOUR) "
	  "ORDER BY e.id, p.user_id LIMIT 1000", NULL, 0 },
	/* STMT_MARK: for the start the event has now */
	{ "INSERT IGNORE INTO event_reminded (event_id, user_id, starts_at) "
	  "SELECT id, ?, starts_at FROM events WHERE id = ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* The outbox row reminding the people of one event (e: its first row). */
static enum db_status
remind(json_t *e, json_t *people)
{
	return outbox_append("event.reminder", json_pack("{s:O, s:O, s:O, "
	    "s:O, s:O, s:O}", "event_id", json_object_get(e, "id"),
	    "organizer_id", json_object_get(e, "organizer_id"), "title",
	    json_object_get(e, "title"), "starts_at", json_object_get(e,
	    "starts_at"), "timezone", json_object_get(e, "timezone"),
	    "user_ids", people));
}

static enum db_status
remind_tx(void *arg)
{
	json_t		*rows = NULL, *row, *first = NULL, *people;
	enum db_status	 rc;
	long long	 hours;
	uint64_t	 fresh;
	size_t		 i;
	int		*count = arg;

	*count = 0;
	hours = cfg_int("notifier", "reminder_hours", 24);
	if ((rc = db_query(&stmts[STMT_PICK], P(DB_INT(hours), DB_INT(hours)),
	    &rows)) != DB_OK)
		return rc;
	people = json_array();
	json_array_foreach(rows, i, row) {
		if (first != NULL && jint(row, "id") != jint(first, "id")) {
			if (json_array_size(people) > 0 &&
			    (rc = remind(first, people)) != DB_OK)
				break;
			json_array_clear(people);
		}
		first = row;
		fresh = 0;
		if ((rc = db_exec(&stmts[STMT_MARK], P(DB_INT(jint(row,
		    "user_id")), DB_INT(jint(row, "id"))), &fresh, NULL)) != DB_OK)
			break;
		if (fresh == 0)
			continue;
		json_array_append(people, json_object_get(row, "user_id"));
		(*count)++;
	}
	if (rc == DB_OK && json_array_size(people) > 0)
		rc = remind(first, people);
	json_decref(people);
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
		log_info("%d people reminded of their events", n);
}

/* Releases the job's statements. */
void
reminders_free(void)
{
	db_release_all(stmts, STMT__MAX);
}
