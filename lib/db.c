/*
 * db: MariaDB Connector/C behind a small typed interface.  One connection
 * per worker process; statements are prepared per connection generation.
 */
#include <errno.h>
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "db.h"
#include "log.h"
#include "mem.h"
#include "versions.h"

#define DB_TX_TRIES	3	/* attempts of a transaction that deadlocks */

static MYSQL	*conn;		/* NULL while disconnected */
static unsigned	 conn_gen = 1;	/* bumped on every new connection */
static bool	 in_tx;
static bool	 tx_wrote;	/* a statement of the open transaction changed rows */
static time_t	 next_try;	/* no reconnect storm: one try per second */
static const char *isolation = "REPEATABLE-READ";

/* Statements composed at run time (db_query_sql), the most recently
 * used kept prepared. */
#define DB_COMPOSED	16
static struct composed {
	char		*text;		/* owned; stmt.sql points to it */
	struct db_stmt	 stmt;
	unsigned long	 used;		/* tick of the last use; 0 = free */
} composed[DB_COMPOSED];
static unsigned long	 composed_tick;

static void	 db_composed_free(void);

static const char *const status_names[] = {
	"ok",		/* DB_OK */
	"not found",	/* DB_NOTFOUND */
	"conflict",	/* DB_CONFLICT */
	"unavailable",	/* DB_UNAVAILABLE */
	"retry",	/* DB_RETRY */
	"error",	/* DB_ERROR */
};

const char *
db_status_str(enum db_status st)
{
	return status_names[st];
}

int
db_init(void)
{
	if (mysql_library_init(0, NULL, NULL) != 0) {
		log_warnx("mysql_library_init failed");
		return -1;
	}
	return 0;
}

static void
db_disconnect(void)
{
	if (conn != NULL) {
		mysql_close(conn);
		conn = NULL;
	}
	in_tx = false;
}

void
db_close(void)
{
	db_composed_free();
	db_disconnect();
	mysql_library_end();
}

void
db_read_committed(void)
{
	isolation = "READ-COMMITTED";
	/* The open connection too; failing that, the next one. */
	if (conn != NULL && mysql_query(conn, "SET SESSION tx_isolation = "
	    "'READ-COMMITTED'") != 0)
		db_disconnect();
}

static enum db_status
db_connect(void)
{
	unsigned int	 timeout;
	const char	*sock;
	time_t		 now;
	my_bool		 off = 0;
	char		 init[512];

	if (conn != NULL)
		return DB_OK;
	now = time(NULL);
	if (now < next_try)
		return DB_UNAVAILABLE;
	if ((conn = mysql_init(NULL)) == NULL)
		return DB_ERROR;
	timeout = (unsigned int)cfg_int("db", "connect_timeout", 2);
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	timeout = (unsigned int)cfg_int("db", "rw_timeout", 30);
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_RECONNECT, &off);
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Times are stored and compared in UTC; strict mode refuses bad data.
	 * A process frozen inside a transaction would hold its locks for
	 * ever: the server ends such a transaction after idle_tx_timeout.  A
	 * lock wait ends (a retryable error) before the read timeout would
	 * take the connection down. */
	snprintf(init, sizeof(init), "SET time_zone = '+00:00', sql_mode = "
	    "'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
	    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', "
	    "idle_transaction_timeout = %lld, innodb_lock_wait_timeout = %u, "
	    "tx_isolation = '%s'", cfg_int("db", "idle_tx_timeout", 60),
	    timeout == 0 ? 50 : timeout > 2 ? timeout - 2 : 1, isolation);
	mysql_options(conn, MYSQL_INIT_COMMAND, init);
	sock = cfg_str("db", "socket", NULL);
	if (mysql_real_connect(conn, cfg_str("db", "host", "localhost"),
	    cfg_str("db", "user", "agora"), cfg_str("db", "password", ""),
	    cfg_str("db", "name", "agora"),
	    (unsigned int)cfg_int("db", "port", 3306), sock, 0) == NULL) {
		log_warnx("cannot connect to MariaDB: %s", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		next_try = now + 1;
		return DB_UNAVAILABLE;
	}
	conn_gen++;
	in_tx = false;
	return DB_OK;
}

/* Maps a server or client error number onto a status. */
static enum db_status
db_classify(unsigned int err)
{
	switch (err) {
	case 0:
		return DB_OK;
	case ER_DUP_ENTRY:
	case ER_NO_REFERENCED_ROW_2:
	case ER_ROW_IS_REFERENCED_2:
		return DB_CONFLICT;
	case ER_LOCK_DEADLOCK:
	case ER_LOCK_WAIT_TIMEOUT:
		return DB_RETRY;
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_COMMANDS_OUT_OF_SYNC:
	case ER_SERVER_SHUTDOWN:
	case ER_CONNECTION_KILLED:
	case ER_UNKNOWN_STMT_HANDLER:
		return DB_UNAVAILABLE;
	default:
		return DB_ERROR;
	}
}

static void
db_stmt_drop(struct db_stmt *s)
{
	if (s->handle != NULL) {
		/* On a dead connection this only frees client memory. */
		if (mysql_stmt_close(s->handle) != 0)
			log_debug("closing a statement on a lost connection");
		s->handle = NULL;
	}
}

static enum db_status
db_stmt_ready(struct db_stmt *s)
{
	MYSQL_STMT	*st;
	enum db_status	 rc;

	if ((rc = db_connect()) != DB_OK)
		return rc;
	if (s->handle != NULL && s->gen == conn_gen)
		return DB_OK;
	/* Prepared on a connection that no longer exists: the client keeps
	 * its memory until closed, which no longer talks to the server. */
	db_stmt_drop(s);
	if ((st = mysql_stmt_init(conn)) == NULL)
		return DB_ERROR;
	if (mysql_stmt_prepare(st, s->sql, strlen(s->sql)) != 0) {
		rc = db_classify(mysql_stmt_errno(st));
		if (rc == DB_UNAVAILABLE)
			db_disconnect();
		else
			log_warnx("prepare failed: %s: %s", mysql_stmt_error(st),
			    s->sql);
		mysql_stmt_close(st);
		return rc == DB_OK ? DB_ERROR : rc;
	}
	s->handle = st;
	s->gen = conn_gen;
	return DB_OK;
}

int
db_prepare_all(struct db_stmt *s, size_t n)
{
	size_t		 i;
	enum db_status	 rc;

	for (i = 0; i < n; i++) {
		rc = db_stmt_ready(&s[i]);
		if (rc == DB_UNAVAILABLE)
			return 0;	/* prepared later, when it is back */
		if (rc != DB_OK)
			return -1;
	}
	return 0;
}

void
db_release_all(struct db_stmt *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		db_stmt_drop(&s[i]);
}

enum db_status
db_ping(void)
{
	enum db_status	 rc;

	if ((rc = db_connect()) != DB_OK)
		return rc;
	if (mysql_ping(conn) != 0) {
		/* The connection may predate a server restart: one fresh try. */
		db_disconnect();
		next_try = 0;
		if ((rc = db_connect()) != DB_OK)
			return rc;
		if (mysql_ping(conn) != 0) {
			db_disconnect();
			return DB_UNAVAILABLE;
		}
	}
	return DB_OK;
}

/* Binds params; binds[] must hold one entry per parameter. */
static enum db_status
db_bind_params(MYSQL_STMT *st, const struct db_param *p, MYSQL_BIND *binds,
    unsigned long *lens)
{
	unsigned long	 n, i;

	n = mysql_stmt_param_count(st);
	for (i = 0; i < n; i++) {
		if (p[i].type == DBT_END) {
			log_warnx("statement wants %lu parameters, got %lu", n, i);
			return DB_ERROR;
		}
		memset(&binds[i], 0, sizeof(binds[i]));
		switch (p[i].type) {
		case DBT_INT:
			binds[i].buffer_type = MYSQL_TYPE_LONGLONG;
			binds[i].buffer = (void *)(uintptr_t)&p[i].i;
			break;
		case DBT_DOUBLE:
			binds[i].buffer_type = MYSQL_TYPE_DOUBLE;
			binds[i].buffer = (void *)(uintptr_t)&p[i].d;
			break;
		case DBT_TEXT:
			lens[i] = strlen(p[i].s);
			binds[i].buffer_type = MYSQL_TYPE_STRING;
			binds[i].buffer = (void *)(uintptr_t)p[i].s;
			binds[i].buffer_length = lens[i];
			binds[i].length = &lens[i];
			break;
		default:
			binds[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	}
	if (p[n].type != DBT_END) {
		log_warnx("statement wants %lu parameters, got more", n);
		return DB_ERROR;
	}
	if (n > 0 && mysql_stmt_bind_param(st, binds) != 0)
		return DB_ERROR;
	return DB_OK;
}

/* Prepares (if needed), binds and executes; retries once on a lost
 * connection when no transaction is open, since nothing was half done. */
static enum db_status
db_run(struct db_stmt *s, const struct db_param *p)
{
	MYSQL_BIND	 binds[64];
	unsigned long	 lens[64];
	enum db_status	 rc;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if ((rc = db_stmt_ready(s)) == DB_UNAVAILABLE && !in_tx &&
		    attempt == 0) {
			/* Preparing on a connection the server forgot. */
			db_disconnect();
			next_try = 0;
			continue;
		}
		if (rc != DB_OK)
			return rc;
		if (mysql_stmt_param_count(s->handle) > 63) {
			log_warnx("too many parameters: %s", s->sql);
			return DB_ERROR;
		}
		if ((rc = db_bind_params(s->handle, p, binds, lens)) != DB_OK)
			return rc;
		if (mysql_stmt_execute(s->handle) == 0) {
			/* Shared readings go old when rows change: at once
			 * outside a transaction, else at its commit.  A
			 * statement that changed nothing (the notifier's
			 * empty claim) leaves them be. */
			if (mysql_stmt_field_count(s->handle) != 0 ||
			    mysql_stmt_affected_rows(s->handle) == 0)
				return DB_OK;
			if (in_tx)
				tx_wrote = true;
			else
				versions_moved();
			return DB_OK;
		}
		rc = db_classify(mysql_stmt_errno(s->handle));
		if (rc != DB_UNAVAILABLE) {
			if (rc == DB_ERROR)
				log_warnx("execute failed: %s",
				    mysql_stmt_error(s->handle));
			return rc;
		}
		log_warnx("lost the database: %s", mysql_stmt_error(s->handle));
		if (in_tx) {
			db_disconnect();
			return DB_UNAVAILABLE;
		}
		db_disconnect();
		next_try = 0;
	}
	return DB_UNAVAILABLE;
}

static json_t *
db_value(const MYSQL_FIELD *f, MYSQL_BIND *b, const long long *iv,
    const double *dv)
{
	char	*s;

	if (*b->is_null)
		return json_null();
	switch (f->type) {
	case MYSQL_TYPE_TINY:
		if (f->length == 1)
			return json_boolean(*iv != 0);
		return json_integer(*iv);
	case MYSQL_TYPE_SHORT:
	case MYSQL_TYPE_LONG:
	case MYSQL_TYPE_INT24:
	case MYSQL_TYPE_LONGLONG:
	case MYSQL_TYPE_YEAR:
		return json_integer(*iv);
	case MYSQL_TYPE_FLOAT:
	case MYSQL_TYPE_DOUBLE:
		return json_real(*dv);
	case MYSQL_TYPE_DATETIME:
	case MYSQL_TYPE_TIMESTAMP:
		/* "2026-11-25 16:24:04" in UTC becomes ISO 8601. */
		s = b->buffer;
		if (*b->length >= 19) {
			s[10] = 'T';
			s[19] = 'Z';
			return json_stringn(s, 20);
		}
		return json_stringn(s, *b->length);
	default:
		return json_stringn(b->buffer, *b->length);
	}
}

static bool
db_is_int(enum enum_field_types t)
{
	return t == MYSQL_TYPE_TINY || t == MYSQL_TYPE_SHORT ||
	    t == MYSQL_TYPE_LONG || t == MYSQL_TYPE_INT24 ||
	    t == MYSQL_TYPE_LONGLONG || t == MYSQL_TYPE_YEAR;
}

enum db_status
db_exec_chunks(struct db_stmt *s, const char *lead, const json_t *rows)
{
	enum db_status	 rc = DB_OK;
	json_t		*chunk;
	char		*text;
	size_t		 i, k, n = json_array_size(rows);

	for (i = 0; rc == DB_OK && i < n; i += DB_CHUNK) {
		chunk = json_array();
		for (k = i; k < n && k < i + DB_CHUNK; k++)
			json_array_append(chunk, json_array_get(rows, k));
		text = json_dumps(chunk, JSON_COMPACT);
		json_decref(chunk);
		if (text == NULL)
			return DB_ERROR;
		if (lead != NULL)
			rc = db_exec(s, (const struct db_param[]){ DB_TEXT(lead),
			    DB_TEXT(text), DB_END }, NULL, NULL);
		else
			rc = db_exec(s, (const struct db_param[]){ DB_TEXT(text),
			    DB_END }, NULL, NULL);
		free(text);
	}
	return rc;
}

enum db_status
db_query(struct db_stmt *s, const struct db_param *p, json_t **rows)
{
	MYSQL_STMT	*st;
	MYSQL_RES	*meta = NULL;
	MYSQL_FIELD	*fields;
	MYSQL_BIND	*binds = NULL;
	unsigned long	*lens = NULL;
	my_bool		*nulls = NULL, on = 1;
	long long	*ivals = NULL;
	double		*dvals = NULL;
	char		**bufs = NULL;
	unsigned int	 i, n = 0;
	size_t		 sz;
	json_t		*row;
	enum db_status	 rc;
	int		 frc;

	*rows = NULL;
	if ((rc = db_run(s, p)) != DB_OK)
		return rc;
	rc = DB_ERROR;
	st = s->handle;
	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		log_warnx("statement returns no rows: %s", s->sql);
		goto out;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (mysql_stmt_store_result(st) != 0) {
		rc = db_classify(mysql_stmt_errno(st));
		log_warnx("reading rows failed: %s", mysql_stmt_error(st));
		if (rc == DB_UNAVAILABLE)
			db_disconnect();
		goto out;
	}
	n = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	binds = x_calloc(n, sizeof(*binds));
	lens = x_calloc(n, sizeof(*lens));
	nulls = x_calloc(n, sizeof(*nulls));
	ivals = x_calloc(n, sizeof(*ivals));
	dvals = x_calloc(n, sizeof(*dvals));
	bufs = x_calloc(n, sizeof(*bufs));
	for (i = 0; i < n; i++) {
		binds[i].is_null = &nulls[i];
		binds[i].length = &lens[i];
		if (db_is_int(fields[i].type)) {
			binds[i].buffer_type = MYSQL_TYPE_LONGLONG;
			binds[i].buffer = &ivals[i];
		} else if (fields[i].type == MYSQL_TYPE_FLOAT ||
		    fields[i].type == MYSQL_TYPE_DOUBLE) {
			binds[i].buffer_type = MYSQL_TYPE_DOUBLE;
			binds[i].buffer = &dvals[i];
		} else {
			sz = fields[i].max_length > 64 ? fields[i].max_length : 64;
			bufs[i] = x_malloc(sz + 1);
			binds[i].buffer_type = MYSQL_TYPE_STRING;
			binds[i].buffer = bufs[i];
			binds[i].buffer_length = sz + 1;
		}
	}
	if (mysql_stmt_bind_result(st, binds) != 0)
		goto out;
	*rows = json_array();
	while ((frc = mysql_stmt_fetch(st)) == 0 || frc == MYSQL_DATA_TRUNCATED) {
		row = json_object();
		for (i = 0; i < n; i++)
			json_object_set_new(row, fields[i].name,
			    db_value(&fields[i], &binds[i], &ivals[i], &dvals[i]));
		json_array_append_new(*rows, row);
	}
	if (frc != MYSQL_NO_DATA) {
		log_warnx("fetching rows failed: %s", mysql_stmt_error(st));
		json_decref(*rows);
		*rows = NULL;
		goto out;
	}
	rc = DB_OK;
out:
	if (mysql_stmt_free_result(st) != 0)
		log_debug("free_result on a lost connection");
	for (i = 0; bufs != NULL && i < n; i++)
		x_free(bufs[i]);
	x_free(bufs);
	x_free(ivals);
	x_free(dvals);
	x_free(nulls);
	x_free(lens);
	x_free(binds);
	if (meta != NULL)
		mysql_free_result(meta);
	return rc;
}

/* The slot of a composed statement: the one with this text, else the
 * least recently used, emptied. */
static struct db_stmt *
db_composed(const char *sql)
{
	struct composed	*c, *lru = &composed[0];
	size_t		 i;

	for (i = 0; i < DB_COMPOSED; i++) {
		c = &composed[i];
		if (c->used != 0 && strcmp(c->text, sql) == 0) {
			c->used = ++composed_tick;
			return &c->stmt;
		}
		if (c->used < lru->used)
			lru = c;
	}
	db_stmt_drop(&lru->stmt);
	x_free(lru->text);
	lru->text = x_strdup(sql);
	lru->stmt = (struct db_stmt){ .sql = lru->text };
	lru->used = ++composed_tick;
	return &lru->stmt;
}

static void
db_composed_free(void)
{
	size_t	 i;

	for (i = 0; i < DB_COMPOSED; i++) {
		db_stmt_drop(&composed[i].stmt);
		x_free(composed[i].text);
		composed[i] = (struct composed){ 0 };
	}
}

enum db_status
db_query_sql(const char *sql, const struct db_param *p, json_t **rows)
{
	return db_query(db_composed(sql), p, rows);
}

enum db_status
db_query_one(struct db_stmt *s, const struct db_param *p, json_t **row)
{
	json_t		*rows;
	enum db_status	 rc;

	*row = NULL;
	if ((rc = db_query(s, p, &rows)) != DB_OK)
		return rc;
	if (json_array_size(rows) == 0) {
		json_decref(rows);
		return DB_NOTFOUND;
	}
	*row = json_incref(json_array_get(rows, 0));
	json_decref(rows);
	return DB_OK;
}

enum db_status
db_exec(struct db_stmt *s, const struct db_param *p, uint64_t *affected,
    uint64_t *insert_id)
{
	enum db_status	 rc;

	if ((rc = db_run(s, p)) != DB_OK)
		return rc;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(s->handle);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(s->handle);
	return DB_OK;
}

static enum db_status
db_simple(const char *sql)
{
	enum db_status	 rc;

	if ((rc = db_connect()) != DB_OK)
		return rc;
	if (mysql_real_query(conn, sql, strlen(sql)) != 0) {
		rc = db_classify(mysql_errno(conn));
		if (rc == DB_UNAVAILABLE)
			db_disconnect();
		else
			log_warnx("%s: %s", sql, mysql_error(conn));
		return rc == DB_OK ? DB_ERROR : rc;
	}
	return DB_OK;
}

enum db_status
db_begin(void)
{
	enum db_status	 rc;

	if (in_tx) {
		log_warnx("nested transaction");
		return DB_ERROR;
	}
	if ((rc = db_simple("START TRANSACTION")) == DB_UNAVAILABLE) {
		/* A connection that died while idle: one fresh try. */
		next_try = 0;
		rc = db_simple("START TRANSACTION");
	}
	if (rc == DB_OK)
		in_tx = true;
	tx_wrote = false;
	return rc;
}

enum db_status
db_commit(void)
{
	enum db_status	 rc;

	rc = db_simple("COMMIT");
	in_tx = false;
	/* Even when COMMIT failed: a connection lost on the way back
	 * leaves it unknown whether the server committed. */
	if (tx_wrote)
		versions_moved();
	tx_wrote = false;
	return rc;
}

void
db_rollback(void)
{
	if (!in_tx)
		return;
	if (db_simple("ROLLBACK") != DB_OK)
		log_warnx("rollback failed; the server discards the transaction");
	in_tx = false;
}

bool
db_in_tx(void)
{
	return in_tx;
}

enum db_status
db_tx(db_tx_fn fn, void *arg)
{
	enum db_status	 rc = DB_ERROR;
	int		 attempt;

	for (attempt = 0; attempt < DB_TX_TRIES; attempt++) {
		if ((rc = db_begin()) != DB_OK)
			return rc;
		if ((rc = fn(arg)) == DB_OK)
			rc = db_commit();
		else
			db_rollback();
		if (rc != DB_RETRY)
			return rc;
		log_info("transaction deadlocked; attempt %d", attempt + 2);
	}
	return rc;
}
