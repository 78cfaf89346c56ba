/*
 * outbox: the transactional outbox.  A handler never sends mail or calls
 * out; it appends a row (topic + JSON payload) inside its own transaction,
 * so the message exists exactly when the change it announces does.  The
 * notifier (cron/) drains the table.
 */
#ifndef AGORA_OUTBOX_H
#define AGORA_OUTBOX_H

#include <jansson.h>

#include "db.h"

/* Appends one row; must run inside db_tx()/db_begin().  Takes ownership
 * of payload (pass json_pack(...) directly).  DB_ERROR when called outside
 * a transaction. */
enum db_status	 outbox_append(const char *topic, json_t *payload);
/* Appends a row per payload of a JSON array, in its order, with one
 * statement; the caller keeps payloads.  Inside a transaction, as above. */
enum db_status	 outbox_append_all(const char *topic, const json_t *payloads);
void		 outbox_free(void);

#endif
