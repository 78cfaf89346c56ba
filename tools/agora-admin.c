/*
 * agora-admin: account chores from the command line, for the sysadmin.
 *
 *   agora-admin [-c agora.conf] create-admin EMAIL NAME
 *   agora-admin [-c agora.conf] create-user EMAIL NAME ROLE
 *
 * The password is read from the first line of standard input, so it never
 * shows in the process list or shell history.  An existing e-mail is left
 * as it is (exit 0, "exists"), which makes demo data idempotent.  The
 * first admin can only be made here; later admins are granted in the app.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "db.h"
#include "log.h"
#include "outbox.h"
#include "passwd.h"
#include "sess.h"

enum { STMT_INSERT, STMT__MAX };

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_INSERT */
	{ "INSERT INTO users (email, password_hash, name, role) "
	  "VALUES (?, ?, ?, ?)", NULL, 0 },
};

struct account {
	const char	*email, *name, *role;
	char		 hash[PASSWD_HASH_MAX];
	uint64_t	 id;
};

static enum db_status
create_tx(void *arg)
{
	struct account	*a = arg;
	enum db_status	 rc;

	rc = db_exec(&stmts[STMT_INSERT], (const struct db_param[]){
	    DB_TEXT(a->email), DB_TEXT(a->hash), DB_TEXT(a->name),
	    DB_TEXT(a->role), DB_END }, NULL, &a->id);
	if (rc != DB_OK)
		return rc;
	return outbox_append("user.registered", json_pack("{s:I, s:s, s:s}",
	    "user_id", (json_int_t)a->id, "role", a->role, "via", "cli"));
}

static int
usage(void)
{
	fprintf(stderr, "usage: agora-admin [-c agora.conf] create-admin EMAIL NAME\n"
	    "       agora-admin [-c agora.conf] create-user EMAIL NAME ROLE\n"
	    "The password is read from standard input.\n");
	return 2;
}

int
main(int argc, char *argv[])
{
	struct account	 a;
	const char	*conf = getenv("AGORA_CONF"), *why;
	char		 pw[256], *email;
	enum db_status	 rc;
	size_t		 i;
	int		 ch, ret = 1;

	log_init("admin", LOG_LEVEL_INFO);
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		if (ch != 'c')
			return usage();
		conf = optarg;
	}
	argc -= optind;
	argv += optind;
	memset(&a, 0, sizeof(a));
	if (argc == 3 && strcmp(argv[0], "create-admin") == 0)
		a.role = "admin";
	else if (argc == 4 && strcmp(argv[0], "create-user") == 0 &&
	    sess_role(argv[3]) != 0)
		a.role = argv[3];
	else
		return usage();
	email = strdup(argv[1]);
	for (i = 0; email != NULL && email[i] != '\0'; i++)
		email[i] = (char)tolower((unsigned char)email[i]);
	a.email = email;
	a.name = argv[2];
	if (fgets(pw, sizeof(pw), stdin) == NULL) {
		fprintf(stderr, "agora-admin: no password on standard input\n");
		goto out;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	if (cfg_load(conf) != 0 || db_init() != 0 || passwd_init() != 0)
		goto out;
	if ((why = passwd_policy(pw)) != NULL) {
		fprintf(stderr, "agora-admin: password refused (%s)\n", why);
		goto out;
	}
	if (passwd_hash(pw, a.hash) != 0)
		goto out;
	rc = db_tx(create_tx, &a);
	if (rc == DB_CONFLICT) {
		printf("%s exists\n", a.email);
		ret = 0;
	} else if (rc == DB_OK) {
		printf("created %s (%s) with id %llu\n", a.email, a.role,
		    (unsigned long long)a.id);
		ret = 0;
	} else
		fprintf(stderr, "agora-admin: %s\n", db_status_str(rc));
out:
	explicit_bzero(pw, sizeof(pw));
	explicit_bzero(a.hash, sizeof(a.hash));
	db_release_all(stmts, STMT__MAX);
	outbox_free();
	db_close();
	passwd_free();
	cfg_free();
	free(email);
	return ret;
}
