/* once: one thing per create form; see once.h. */
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "once.h"
#include "sess.h"

enum { STMT_CLAIM, STMT_FOUND, STMT_DONE, STMT__MAX };

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_CLAIM: a twin's insert waits here on the key's lock */
	{ "INSERT INTO form_once (user_id, form_key) VALUES (?, ?)", NULL, 0 },
	/* STMT_FOUND */
	{ "SELECT target_id FROM form_once WHERE user_id = ? AND "
	  "form_key = ?", NULL, 0 },
	/* STMT_DONE */
	{ "UPDATE form_once SET target_id = ? WHERE user_id = ? AND "
	  "form_key = ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

const char *
once_key(struct req *r)
{
	return sess_random(r->arena, 32);
}

bool
once_valid(const char *key)
{
	size_t	 i, n;

	if (key == NULL || (n = strlen(key)) != 43)
		return false;
	for (i = 0; i < n; i++)
		if (!((key[i] >= 'A' && key[i] <= 'Z') ||
		    (key[i] >= 'a' && key[i] <= 'z') ||
		    (key[i] >= '0' && key[i] <= '9') || key[i] == '-' ||
		    key[i] == '_'))
			return false;
	return true;
}

enum db_status
once_claim(int64_t user, const char *key, int64_t *target)
{
	json_t		*row = NULL;
	enum db_status	 rc;

	*target = 0;
	rc = db_exec(&stmts[STMT_CLAIM], P(DB_INT(user), DB_TEXT(key)), NULL,
	    NULL);
	if (rc != DB_CONFLICT)
		return rc;
	if ((rc = db_query_one(&stmts[STMT_FOUND], P(DB_INT(user),
	    DB_TEXT(key)), &row)) == DB_OK)
		*target = (int64_t)json_integer_value(json_object_get(row,
		    "target_id"));
	json_decref(row);
	return rc == DB_OK ? DB_CONFLICT : rc;
}

enum db_status
once_done(int64_t user, const char *key, int64_t target)
{
	return db_exec(&stmts[STMT_DONE], P(DB_INT(target), DB_INT(user),
	    DB_TEXT(key)), NULL, NULL);
}

void
once_free(void)
{
	db_release_all(stmts, STMT__MAX);
}
