/*
 * db: the worker's one MariaDB connection and its prepared statements.
 *
 * Each program declares its statements once, as an enum-indexed array of
 * struct db_stmt; a statement is prepared on first use (db_prepare_all()
 * does it at start so a bad statement stops the program) and again after a
 * reconnect, which drops every prepared statement on the server.  Results
 * come back as jansson objects keyed by column name, ready for the model:
 * integers as numbers, TINYINT(1) as booleans, DATETIME/TIMESTAMP as ISO
 * 8601 UTC strings, DECIMAL and text as strings, NULL as null.
 *
 * When the server is gone every call returns DB_UNAVAILABLE (the core
 * answers 503 with Retry-After) and the next call tries to reconnect, so the
 * program recovers without a restart.
 */
#ifndef AGORA_DB_H
#define AGORA_DB_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum db_status {
	DB_OK = 0,
	DB_NOTFOUND,		/* no row, or no row changed */
	DB_CONFLICT,		/* duplicate key or foreign key refused */
	DB_UNAVAILABLE,		/* server gone; try again later */
	DB_RETRY,		/* deadlock or lock wait: db_tx() retries */
	DB_ERROR,		/* anything else; logged */
};

enum db_type { DBT_END = 0, DBT_NULL, DBT_INT, DBT_TEXT, DBT_DOUBLE };

struct db_param {
	enum db_type	 type;
	long long	 i;
	double		 d;
	const char	*s;		/* DBT_TEXT: borrowed until the call returns */
};

#define DB_INT(v)	((struct db_param){ .type = DBT_INT, .i = (v) })
#define DB_DOUBLE(v)	((struct db_param){ .type = DBT_DOUBLE, .d = (v) })
#define DB_TEXT(v)	((struct db_param){ .type = (v) != NULL ? DBT_TEXT : DBT_NULL, .s = (v) })
#define DB_NULL		((struct db_param){ .type = DBT_NULL })
#define DB_END		((struct db_param){ .type = DBT_END })
#define DB_NOPARAMS	((const struct db_param[]){ DB_END })

struct db_stmt {
	const char	*sql;		/* fixed text with ? placeholders */
	void		*handle;	/* MYSQL_STMT *, owned by db */
	unsigned	 gen;		/* connection generation it was prepared on */
};

/* Reads [db] from the config; connects lazily. 0 or -1. */
int		 db_init(void);
/* Every connection from now on reads committed data, without gap locks:
 * for a program that serializes on rows it locks itself (the notifier). */
void		 db_read_committed(void);
void		 db_close(void);
/* Prepares every statement now; -1 on a statement the server refuses (a
 * programming error), 0 otherwise, also when the server is down. */
int		 db_prepare_all(struct db_stmt *, size_t);
void		 db_release_all(struct db_stmt *, size_t);
enum db_status	 db_ping(void);

/* Runs a statement that returns rows; *rows is a new array (caller owns). */
enum db_status	 db_query(struct db_stmt *, const struct db_param *, json_t **rows);
/* Like db_query for a statement composed at run time from fixed text,
 * for a search whose conditions depend on the filters given: only the
 * conditions that apply, so the server can pick the index that fits.
 * The text must never carry input (values go in p).  Each worker keeps
 * the most recently used few prepared. */
enum db_status	 db_query_sql(const char *sql, const struct db_param *p,
		    json_t **rows);
/* Like db_query for one row: DB_NOTFOUND when there is none. */
enum db_status	 db_query_one(struct db_stmt *, const struct db_param *, json_t **row);
/* Runs a statement that changes rows; either out pointer may be NULL. */
enum db_status	 db_exec(struct db_stmt *, const struct db_param *,
		    uint64_t *affected, uint64_t *insert_id);
/* For a set-based statement over JSON_TABLE: runs it once per DB_CHUNK
 * elements of the JSON array rows (nothing when it is empty), with lead
 * as its first parameter unless NULL and the chunk's JSON text after, so
 * a statement stays well inside the server's max_allowed_packet. */
#define DB_CHUNK	1000
enum db_status	 db_exec_chunks(struct db_stmt *, const char *lead,
		    const json_t *rows);

/* Transactions.  db_tx() runs fn inside BEGIN/COMMIT, rolls back when fn
 * returns anything but DB_OK, and retries the whole of it on a deadlock. */
enum db_status	 db_begin(void);
enum db_status	 db_commit(void);
void		 db_rollback(void);
bool		 db_in_tx(void);
typedef enum db_status (*db_tx_fn)(void *);
enum db_status	 db_tx(db_tx_fn, void *);

const char	*db_status_str(enum db_status);

#endif
