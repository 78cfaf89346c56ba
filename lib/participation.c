/* participation: announcements and the waiting list; see participation.h. */
#include <stdbool.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "i18n.h"
#include "outbox.h"
#include "participation.h"
#include "req.h"

enum { STMT_FIRST, STMT_TAKE, STMT_APPROVE, STMT_NAMES, STMT__MAX };

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_FIRST: the first in line, who waited longest */
	{ "SELECT id, user_id FROM participations WHERE event_id = ? AND "
	  "status = 'waitlisted' ORDER BY updated_at, id LIMIT 1 FOR UPDATE",
	  NULL, 0 },
	/* STMT_TAKE: a place for them, while the event still takes people */
	{ "UPDATE events SET approved_count = approved_count + 1, "
	  "waitlist_count = waitlist_count - 1 WHERE id = ? AND "
	  "status = 'published' AND starts_at > UTC_TIMESTAMP() AND "
	  "(capacity = 0 OR approved_count < capacity)", NULL, 0 },
	/* STMT_APPROVE: nobody decided it, the place did */
	{ "UPDATE participations SET status = 'approved', decided_by = NULL "
	  "WHERE id = ?", NULL, 0 },
	/* STMT_NAMES: retired entries too, as old records keep them */
	{ "SELECT code, name, name_en FROM participation_states", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

enum db_status
participation_announce(const char *topic, const struct part_change *pc,
    const char *status)
{
	return outbox_append(topic, json_pack("{s:I, s:I, s:I, s:I, s:s, s:s}",
	    "participation_id", (json_int_t)pc->id, "event_id",
	    (json_int_t)pc->event_id, "user_id", (json_int_t)pc->user_id,
	    "organizer_id", (json_int_t)pc->organizer_id, "status", status,
	    "title", pc->title != NULL ? pc->title : ""));
}

/* One person from the head of the line, if there is room: *done when
 * there was nobody or no room. */
static enum db_status
promote_one(struct part_change *pc, bool *done)
{
	json_t		*w = NULL;
	uint64_t	 n = 0;
	enum db_status	 rc;

	*done = true;
	rc = db_query_one(&stmts[STMT_FIRST], P(DB_INT(pc->event_id)), &w);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc != DB_OK)
		return rc;
	rc = db_exec(&stmts[STMT_TAKE], P(DB_INT(pc->event_id)), &n, NULL);
	if (rc != DB_OK || n == 0)
		goto out;
	pc->id = (int64_t)json_integer_value(json_object_get(w, "id"));
	pc->user_id = (int64_t)json_integer_value(json_object_get(w,
	    "user_id"));
	if ((rc = db_exec(&stmts[STMT_APPROVE], P(DB_INT(pc->id)), NULL,
	    NULL)) != DB_OK)
		goto out;
	rc = participation_announce("participation.promoted", pc, "approved");
	*done = rc != DB_OK;
out:
	json_decref(w);
	return rc;
}

enum db_status
participation_promote(int64_t event_id, int64_t organizer_id,
    const char *title, struct part_change *first, int *n)
{
	struct part_change pc = { .event_id = event_id,
			    .organizer_id = organizer_id, .title = title };
	enum db_status	 rc;
	bool		 done = false;

	*n = 0;
	if (first != NULL)
		*first = pc;
	while (!done) {
		if ((rc = promote_one(&pc, &done)) != DB_OK)
			return rc;
		if (done)
			break;
		if (*n == 0 && first != NULL)
			*first = pc;
		(*n)++;
	}
	return DB_OK;
}

json_t *
participation_state_names(void)
{
	json_t	*names, *rows = NULL, *row;
	size_t	 i;

	names = json_object();
	/* Unreadable, the built-in words stand in: a label is no reason to
	 * refuse a page. */
	if (db_query(&stmts[STMT_NAMES], DB_NOPARAMS, &rows) != DB_OK)
		return names;
	json_array_foreach(rows, i, row)
		json_object_set(names, json_string_value(json_object_get(row,
		    "code")), row);
	json_decref(rows);
	return names;
}

const char *
participation_state_word(struct req *r, const json_t *names,
    const char *prefix, const char *code)
{
	const json_t	*e = json_object_get(names, code);
	const char	*s = NULL;

	/* The catalog names in the default language and in English. */
	if (strcmp(r->lang, I18N_DEFAULT) == 0)
		s = json_string_value(json_object_get(e, "name"));
	else if (strcmp(r->lang, "en") == 0)
		s = json_string_value(json_object_get(e, "name_en"));
	if (s != NULL && *s != '\0')
		return s;
	return i18n_get(r->lang, arena_printf(r->arena, "%s.%s", prefix, code));
}

void
participation_free(void)
{
	db_release_all(stmts, STMT__MAX);
}
