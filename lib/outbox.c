/* outbox: one INSERT in the caller's transaction. */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "outbox.h"

static struct db_stmt	stmt_insert = {
	"INSERT INTO outbox (topic, payload) VALUES (?, ?)", NULL, 0
};
/* Many payloads of one topic, as one JSON array, in its order. */
static struct db_stmt	stmt_insert_all = {
	"INSERT INTO outbox (topic, payload) SELECT ?, j.p FROM JSON_TABLE(?, "
	"'$[*]' COLUMNS (n FOR ORDINALITY, p JSON PATH '$')) j ORDER BY j.n",
	NULL, 0
};


static bool
topic_ok(const char *topic)
{
	return topic != NULL && strlen(topic) > 0 && strlen(topic) <= 64;
}

enum db_status
outbox_append(const char *topic, json_t *payload)
{
	enum db_status	 rc;
	char		*s;

	if (!db_in_tx()) {
		log_warnx("outbox_append(%s) outside a transaction", topic);
		json_decref(payload);
		return DB_ERROR;
	}
	s = json_dumps(payload, JSON_COMPACT);
	json_decref(payload);
	if (s == NULL || !topic_ok(topic)) {
		free(s);
		return DB_ERROR;
	}
	rc = db_exec(&stmt_insert, (const struct db_param[]){ DB_TEXT(topic),
	    DB_TEXT(s), DB_END }, NULL, NULL);
	free(s);
	return rc;
}

enum db_status
outbox_append_all(const char *topic, const json_t *payloads)
{
	if (!db_in_tx()) {
		log_warnx("outbox_append_all(%s) outside a transaction",
		    topic != NULL ? topic : "");
		return DB_ERROR;
	}
	if (!json_is_array(payloads) || !topic_ok(topic))
		return DB_ERROR;
	return db_exec_chunks(&stmt_insert_all, topic, payloads);
}

void
outbox_free(void)
{
	db_release_all(&stmt_insert, 1);
	db_release_all(&stmt_insert_all, 1);
}
