/*
 * agora-migrate: applies sql/NNN_name.sql in order and records each with
 * its SHA-256, so an edited migration is refused instead of silently
 * diverging; also loads demo data and shows status.
 *
 *   agora-migrate [-c agora.conf] [-d sqldir] up | status | demo
 *
 * The files are the project's own; they run as multi-statement text.
 * Everything the tool records goes through prepared statements.
 */
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <mysql.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "log.h"
#include "mem.h"

struct migration {
	int	 version;
	char	*name;		/* file name */
	char	*path;
	char	 sum[65];	/* hex SHA-256 of the file */
	char	*text;
};

static MYSQL *
connect_db(void)
{
	MYSQL	*c;

	if ((c = mysql_init(NULL)) == NULL)
		return NULL;
	mysql_options(c, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(c, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	if (mysql_real_connect(c, cfg_str("db", "host", "localhost"),
	    cfg_str("db", "user", "agora"), cfg_str("db", "password", ""),
	    cfg_str("db", "name", "agora"), (unsigned)cfg_int("db", "port", 3306),
	    cfg_str("db", "socket", NULL), CLIENT_MULTI_STATEMENTS) == NULL) {
		log_warnx("connect: %s", mysql_error(c));
		mysql_close(c);
		return NULL;
	}
	return c;
}

static int
run_text(MYSQL *c, const char *what, const char *sql)
{
	int	 st;

	if (mysql_real_query(c, sql, strlen(sql)) != 0)
		goto fail;
	do {
		MYSQL_RES *res = mysql_store_result(c);

		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(c) != 0)
			goto fail;
	} while ((st = mysql_next_result(c)) == 0);
	if (st > 0)
		goto fail;
	return 0;
fail:
	log_warnx("%s: %s", what, mysql_error(c));
	/* ER_BINLOG_CREATE_ROUTINE_NEED_SUPER, ER_TABLEACCESS_DENIED_ERROR */
	if (mysql_errno(c) == 1419 || mysql_errno(c) == 1142)
		log_warnx("some migrations create triggers: the README's "
		    "\"Deploying\" says what the user running them needs");
	return -1;
}

static char *
slurp(const char *path)
{
	FILE		*f;
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return buf_release(&b);
}

static int
cmp_migration(const void *a, const void *b)
{
	return ((const struct migration *)a)->version -
	    ((const struct migration *)b)->version;
}

/* Reads NNN_*.sql files of dir, sorted by number. */
static int
load_dir(const char *dir, struct migration **out, size_t *n)
{
	DIR			*d;
	struct dirent		*e;
	struct migration	*m = NULL, *x;
	unsigned char		 h[crypto_hash_sha256_BYTES];
	size_t			 len, i;
	char			*end;
	long			 v;

	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		log_warn("%s", dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		v = strtol(e->d_name, &end, 10);
		if (len < 8 || strcmp(e->d_name + len - 4, ".sql") != 0 ||
		    end == e->d_name || *end != '_' || v <= 0)
			continue;
		for (i = 0; i < *n; i++)
			if (m[i].version == (int)v) {
				log_warnx("two migrations numbered %ld", v);
				closedir(d);
				return -1;
			}
		m = x_realloc(m, (*n + 1) * sizeof(*m));
		x = &m[(*n)++];
		x->version = (int)v;
		x->name = x_strdup(e->d_name);
		x->path = x_malloc(strlen(dir) + len + 2);
		snprintf(x->path, strlen(dir) + len + 2, "%s/%s", dir, e->d_name);
		if ((x->text = slurp(x->path)) == NULL) {
			log_warn("%s", x->path);
			closedir(d);
			return -1;
		}
		crypto_hash_sha256(h, (unsigned char *)x->text, strlen(x->text));
		sodium_bin2hex(x->sum, sizeof(x->sum), h, sizeof(h));
	}
	closedir(d);
	if (*n > 0)
		qsort(m, *n, sizeof(*m), cmp_migration);
	*out = m;
	return 0;
}

/* The checksum recorded for version v: 1 found, 0 not, -1 error. */
static int
recorded(MYSQL *c, int v, char sum[65])
{
	MYSQL_STMT	*st;
	MYSQL_BIND	 in, outb;
	long long	 ver = v;
	unsigned long	 len = 0;
	int		 rc = -1;

	if ((st = mysql_stmt_init(c)) == NULL)
		return -1;
	if (mysql_stmt_prepare(st, "SELECT checksum FROM schema_migrations "
	    "WHERE version = ?", (unsigned long)-1) != 0)
		goto out;
	memset(&in, 0, sizeof(in));
	in.buffer_type = MYSQL_TYPE_LONGLONG;
	in.buffer = &ver;
	memset(&outb, 0, sizeof(outb));
	outb.buffer_type = MYSQL_TYPE_STRING;
	outb.buffer = sum;
	outb.buffer_length = 65;
	outb.length = &len;
	if (mysql_stmt_bind_param(st, &in) != 0 || mysql_stmt_execute(st) != 0 ||
	    mysql_stmt_bind_result(st, &outb) != 0 ||
	    mysql_stmt_store_result(st) != 0)
		goto out;
	rc = mysql_stmt_fetch(st) == 0 ? 1 : 0;
	sum[len < 65 ? len : 64] = '\0';
out:
	if (rc < 0)
		log_warnx("schema_migrations: %s", mysql_stmt_error(st));
	mysql_stmt_close(st);
	return rc;
}

static int
record(MYSQL *c, const struct migration *m)
{
	MYSQL_STMT	*st;
	MYSQL_BIND	 b[3];
	long long	 ver = m->version;
	unsigned long	 nlen = strlen(m->name), slen = 64;
	int		 rc = -1;

	if ((st = mysql_stmt_init(c)) == NULL)
		return -1;
	if (mysql_stmt_prepare(st, "INSERT INTO schema_migrations (version, "
	    "name, checksum) VALUES (?, ?, ?)", (unsigned long)-1) != 0)
		goto out;
	memset(b, 0, sizeof(b));
	b[0].buffer_type = MYSQL_TYPE_LONGLONG;
	b[0].buffer = &ver;
	b[1].buffer_type = MYSQL_TYPE_STRING;
	b[1].buffer = m->name;
	b[1].buffer_length = nlen;
	b[1].length = &nlen;
	b[2].buffer_type = MYSQL_TYPE_STRING;
	b[2].buffer = (char *)(uintptr_t)m->sum;
	b[2].buffer_length = 64;
	b[2].length = &slen;
	if (mysql_stmt_bind_param(st, b) != 0 || mysql_stmt_execute(st) != 0)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		log_warnx("record %s: %s", m->name, mysql_stmt_error(st));
	mysql_stmt_close(st);
	return rc;
}

static int
migrate(MYSQL *c, struct migration *m, size_t n, int apply)
{
	char	 sum[65];
	size_t	 i;
	int	 r, pending = 0;

	if (run_text(c, "schema_migrations", "CREATE TABLE IF NOT EXISTS "
	    "schema_migrations (version INT NOT NULL PRIMARY KEY, name "
	    "VARCHAR(255) NOT NULL, checksum CHAR(64) NOT NULL, applied_at "
	    "DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB") != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if ((r = recorded(c, m[i].version, sum)) < 0)
			return -1;
		if (r == 1 && strcmp(sum, m[i].sum) != 0) {
			log_warnx("%s was edited after it was applied "
			    "(recorded %.12s, file %.12s); write a new migration "
			    "instead", m[i].name, sum, m[i].sum);
			return -1;
		}
		if (!apply) {
			printf("%-40s %s\n", m[i].name, r ? "applied" : "pending");
			pending += !r;
			continue;
		}
		if (r == 1)
			continue;
		printf("applying %s\n", m[i].name);
		if (run_text(c, m[i].name, m[i].text) != 0 || record(c, &m[i]) != 0)
			return -1;
	}
	if (!apply)
		printf("%d pending\n", pending);
	return 0;
}

/* Demo data: every file under sql/demo, in order; files are idempotent. */
static int
demo(MYSQL *c, struct migration *m, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		printf("loading demo %s\n", m[i].name);
		if (run_text(c, m[i].name, m[i].text) != 0)
			return -1;
	}
	return 0;
}

static void
free_all(struct migration *m, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		x_free(m[i].name);
		x_free(m[i].path);
		x_free(m[i].text);
	}
	x_free(m);
}

int
main(int argc, char *argv[])
{
	const char		*conf = getenv("AGORA_CONF"), *dir = "sql", *cmd;
	struct migration	*m = NULL;
	size_t			 n = 0;
	char			 demodir[4096];
	MYSQL			*c;
	int			 ch, rc = 1;

	log_init("migrate", LOG_LEVEL_INFO);
	while ((ch = getopt(argc, argv, "c:d:")) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		case 'd':
			dir = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc - 1)
		goto usage;
	cmd = argv[optind];
	if (sodium_init() < 0 || cfg_load(conf) != 0)
		return 1;
	if (strcmp(cmd, "demo") == 0) {
		snprintf(demodir, sizeof(demodir), "%s/demo", dir);
		dir = demodir;
	} else if (strcmp(cmd, "up") != 0 && strcmp(cmd, "status") != 0)
		goto usage;
	if (load_dir(dir, &m, &n) != 0)
		return 1;
	if ((c = connect_db()) == NULL)
		goto out;
	if (strcmp(cmd, "demo") == 0)
		rc = demo(c, m, n) == 0 ? 0 : 1;
	else
		rc = migrate(c, m, n, strcmp(cmd, "up") == 0) == 0 ? 0 : 1;
	mysql_close(c);
out:
	free_all(m, n);
	cfg_free();
	return rc;
usage:
	fprintf(stderr, "usage: agora-migrate [-c agora.conf] [-d sqldir] "
	    "up | status | demo\n");
	return 2;
}
