/* outbox: one INSERT in the caller's transaction. */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "outbox.h"

static struct db_stmt	stmt_insert = {
	"INSERT INTO outbox (topic, payload) VALUES (?, ?)", NULL, 0
};

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
	if (s == NULL || topic == NULL || strlen(topic) == 0 ||
	    strlen(topic) > 64) {
		free(s);
		return DB_ERROR;
	}
	rc = db_exec(&stmt_insert, (const struct db_param[]){ DB_TEXT(topic),
	    DB_TEXT(s), DB_END }, NULL, NULL);
	free(s);
	return rc;
}

void
outbox_free(void)
{
	db_release_all(&stmt_insert, 1);
}
