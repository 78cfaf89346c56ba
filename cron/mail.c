/*
 * mail: e-mail consumers.  The message is rendered from templates/mail/
 * in the recipient's language and handed to the host's sendmail-style
 * command ([mail] command), or written to a spool directory ([mail] spool,
 * used by make run and the tests) as <outbox id>-<template>.eml.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "consumer.h"
#include "i18n.h"
#include "log.h"
#include "tpl.h"

enum { STMT_RECIPIENT, STMT_LOG, STMT__MAX };

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_RECIPIENT */
	{ "SELECT email, name, lang FROM users WHERE id = ? AND disabled = 0 "
	  "AND deleted_at IS NULL", NULL, 0 },
	/* STMT_LOG: the unique key turns a second delivery into a no-op */
	{ "INSERT IGNORE INTO mail_log (outbox_id, user_id, template) "
	  "VALUES (?, ?, ?)", NULL, 0 },
};

static struct tpl_set	*templates;

int
mail_init(void)
{
	char	 err[256];

	templates = tpl_set_new(TPL_STRICT);
	if (tpl_set_load_dir(templates, cfg_str("server", "templates",
	    "templates"), err, sizeof(err)) != 0 ||
	    tpl_set_link(templates, err, sizeof(err)) != 0) {
		log_warnx("mail templates: %s", err);
		return -1;
	}
	return 0;
}

void
mail_free(void)
{
	/* The other consumers' statements go with the same connection. */
	inapp_free();
	push_free();
	reminders_free();
	db_release_all(stmts, STMT__MAX);
	tpl_set_free(templates);
	templates = NULL;
}

/* Bytes of text in one encoded-word: 42 make 56 of base64, and with
 * "=?UTF-8?B?" and "?=" 68, within RFC 2047's 75; after "Subject: "
 * the first line is 77, within RFC 5322's 78. */
#define WORD_BYTES	42

/* A UTF-8 header value as RFC 2047 encoded-words, as many as it takes,
 * folded onto lines of their own; a character is never split. */
static void
header_utf8(struct buf *b, const char *s)
{
	char	 enc[sodium_base64_ENCODED_LEN(WORD_BYTES,
	    sodium_base64_VARIANT_ORIGINAL)];
	size_t	 n = strlen(s), take;

	do {
		take = n < WORD_BYTES ? n : WORD_BYTES;
		while (take < n && take > 0 &&
		    ((unsigned char)s[take] & 0xc0) == 0x80)
			take--;
		if (take == 0)	/* not UTF-8 after all: cut anywhere */
			take = n < WORD_BYTES ? n : WORD_BYTES;
		sodium_bin2base64(enc, sizeof(enc), (const unsigned char *)s,
		    take, sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "=?UTF-8?B?%s?=", enc);
		s += take;
		n -= take;
		if (n > 0)
			buf_puts(b, "\r\n ");
	} while (n > 0);
}

static int
deliver_spool(const char *dir, int64_t id, const char *tpl,
    const struct buf *msg, char *err, size_t errlen)
{
	char	 path[4096], tmp[4200];
	int	 fd;

	snprintf(path, sizeof(path), "%s/%lld-%s.eml", dir, (long long)id, tpl);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "spool %s: %s", dir, strerror(errno));
		return -1;
	}
	/* Written aside and renamed: a reader never sees half a message. */
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640)) < 0 ||
	    write(fd, msg->data, msg->len) != (ssize_t)msg->len ||
	    fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		snprintf(err, errlen, "spool %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		return -1;
	}
	return 0;
}

static int
deliver_command(const char *cmd, const struct buf *msg, char *err,
    size_t errlen)
{
	FILE	*p;
	int	 st;

	if ((p = popen(cmd, "w")) == NULL) {
		snprintf(err, errlen, "%s: %s", cmd, strerror(errno));
		return -1;
	}
	if (fwrite(msg->data, 1, msg->len, p) != msg->len) {
		pclose(p);
		snprintf(err, errlen, "%s: short write", cmd);
		return -1;
	}
	if ((st = pclose(p)) != 0) {
		/* The admin reads this on the dead letters page: the exit
		 * code or the signal, not the raw wait status. */
		if (st != -1 && WIFEXITED(st))
			snprintf(err, errlen, "%s exited with %d", cmd,
			    WEXITSTATUS(st));
		else if (st != -1 && WIFSIGNALED(st))
			snprintf(err, errlen, "%s was killed by signal %d", cmd,
			    WTERMSIG(st));
		else
			snprintf(err, errlen, "%s: %s", cmd, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Renders templates/mail/<tpl>.mustache for user_id with the payload as
 * the model (plus the catalog as "t") and sends it.
 */
static enum db_status
mail_send(int64_t outbox_id, json_t *payload, const char *tpl, char *err,
    size_t errlen)
{
	json_t		*u = NULL, *model;
	struct buf	 body, msg;
	const char	*lang, *spool, *subject;
	char		 key[128], date[64], rerr[256];
	int64_t		 uid;
	uint64_t	 fresh = 0;
	enum db_status	 rc;
	time_t		 now = time(NULL);
	struct tm	 tm;

	uid = json_integer_value(json_object_get(payload, "user_id"));
	rc = db_query_one(&stmts[STMT_RECIPIENT], (const struct db_param[]){
	    DB_INT(uid), DB_END }, &u);
	if (rc == DB_NOTFOUND)
		return DB_OK;	/* the account is gone: nobody to tell */
	if (rc != DB_OK) {
		snprintf(err, errlen, "recipient: %s", db_status_str(rc));
		return rc;
	}
	rc = db_exec(&stmts[STMT_LOG], (const struct db_param[]){
	    DB_INT(outbox_id), DB_INT(uid), DB_TEXT(tpl), DB_END }, &fresh, NULL);
	if (rc != DB_OK || fresh == 0 || handed_before(outbox_id, 0)) {
		json_decref(u);
		return rc;	/* already sent for this row, or an error */
	}
	lang = json_string_value(json_object_get(u, "lang"));
	if (!i18n_known(lang))
		lang = I18N_DEFAULT;
	model = json_deep_copy(payload);
	json_object_set(model, "t", i18n_catalog(lang));
	json_object_set(model, "name", json_object_get(u, "name"));
	json_object_set_new(model, "base_url", json_string(cfg_str("server",
	    "base_url", "http://127.0.0.1:8080")));
	buf_init(&body);
	buf_init(&msg);
	snprintf(key, sizeof(key), "mail/%s", tpl);
	rc = DB_ERROR;
	if (tpl_render(templates, key, model, &body, rerr, sizeof(rerr)) != 0) {
		snprintf(err, errlen, "render %s: %s", key, rerr);
		goto out;
	}
	/* A notification brings its title, already in the person's words. */
	subject = json_string_value(json_object_get(payload, "subject"));
	if (subject == NULL) {
		snprintf(key, sizeof(key), "mail.%s.subject", tpl);
		subject = i18n_get(lang, key);
	}
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	buf_printf(&msg, "From: %s\r\nTo: %s\r\nSubject: ", cfg_str("mail",
	    "from", "Agora <no-reply@agora.invalid>"),
	    json_string_value(json_object_get(u, "email")));
	header_utf8(&msg, subject);
	buf_printf(&msg, "\r\nDate: %s\r\nMessage-ID: <%lld.%s@%s>\r\n"
	    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n\r\n", date,
	    (long long)outbox_id, tpl, cfg_site_domain());
	buf_append(&msg, buf_str(&body), body.len);
	if ((spool = cfg_str("mail", "spool", NULL)) != NULL && *spool != '\0') {
		if (deliver_spool(spool, outbox_id, tpl, &msg, err, errlen) != 0)
			goto out;
	} else if (deliver_command(cfg_str("mail", "command",
	    "/usr/sbin/sendmail -t -i"), &msg, err, errlen) != 0)
		goto out;
	handed_now(outbox_id, 0);
	rc = DB_OK;
out:
	buf_free(&body);
	buf_free(&msg);
	json_decref(model);
	json_decref(u);
	return rc;
}

static enum db_status
mail_password_reset(int64_t id, json_t *payload, char *err, size_t errlen)
{
	return mail_send(id, payload, "password_reset", err, errlen);
}

/*
 * A notification for one person (appended by the in-app consumers when the
 * person's preferences allow e-mail): templates/mail/<type>.mustache.
 */
static enum db_status
mail_notification(int64_t id, json_t *payload, char *err, size_t errlen)
{
	const char	*type;
	char		 key[128];

	type = json_string_value(json_object_get(payload, "type"));
	if (type == NULL || strspn(type, "abcdefghijklmnopqrstuvwxyz_") !=
	    strlen(type) || strlen(type) > 60) {
		snprintf(err, errlen, "mail.notification: no type");
		return DB_ERROR;
	}
	snprintf(key, sizeof(key), "mail/%s", type);
	if (!tpl_set_has(templates, key)) {
		snprintf(err, errlen, "mail.notification: no template %s", key);
		return DB_ERROR;
	}
	return mail_send(id, payload, type, err, errlen);
}

const struct consumer mail_consumers[] = {
	{ "mail.password_reset", "mail.password_reset", mail_password_reset,
	    NULL },
	{ "mail.notification", "mail.notification", mail_notification, NULL },
	{ NULL, NULL, NULL, NULL },
};
