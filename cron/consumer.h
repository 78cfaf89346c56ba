/*
 * consumer: what the notifier hands an outbox row to.  A consumer runs
 * inside a transaction that the notifier opens and, when the consumer
 * returns DB_OK, commits together with the row's processed-marker; so an
 * effect kept in the database happens once however often a row is
 * delivered.  Effects outside the database (mail, push) are at least
 * once: a crash between handing one over and the commit repeats it.  A
 * batch that failed and runs again in the same process does not: the
 * process remembers what it handed over (handed.c).
 */
#ifndef AGORA_CONSUMER_H
#define AGORA_CONSUMER_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* An integer of a payload or row, 0 when absent: the consumers' one
 * reader of numbers. */
static inline int64_t
jint(const json_t *o, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(o, key));
}

/* One outbox row as a consumer gets it. */
struct outbox_row {
	int64_t		 id;
	json_t		*payload;
};

/*
 * A consumer has run, run_all or both.  run does one row's work; on
 * failure it fills err (for the dead-letter page).  run_all does the work
 * of many rows of its topic at once, with a few set-based statements:
 * all of them or, on failure, none (the notifier undoes it and goes row
 * by row, handing run_all one row at a time when there is no run).
 */
struct consumer {
	const char	*name;		/* the marker's name; never reuse one */
	const char	*topic;		/* the outbox topic it takes */
	enum db_status	(*run)(int64_t outbox_id, json_t *payload, char *err,
			    size_t errlen);
	enum db_status	(*run_all)(const struct outbox_row *rows, size_t n,
			    char *err, size_t errlen);
};

/* handed.c: what this process handed over outside the database, by
 * outbox row and recipient (a device; 0 for a mail), the last few
 * thousand of them */
bool		 handed_before(int64_t outbox_id, int64_t to);
void		 handed_now(int64_t outbox_id, int64_t to);

/* mail.c */
extern const struct consumer	mail_consumers[];
int		 mail_init(void);
void		 mail_free(void);	/* also releases the ones below */

/* inapp.c: domain events -> notifications rows, mail and push requests */
extern const struct consumer	inapp_consumers[];
void		 inapp_free(void);

/* push.c: push.notification -> the configured command or endpoint */
extern const struct consumer	push_consumers[];
void		 push_free(void);

/* reminders.c: a timed job; events starting soon -> event.reminder rows */
void		 reminders_run(void);
void		 reminders_free(void);

/* rollups.c: the dashboard's figures */
extern const struct consumer	rollup_consumers[];
int		 rollups_rebuild(void);
void		 rollups_free(void);

#endif
