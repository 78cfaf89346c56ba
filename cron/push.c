/*
 * push: sends a notification to a person's device.  The in-app consumer
 * queues a request per device, so a device that fails is retried on its
 * own and the others do not see the message again; a device gone since
 * (signed out, token invalid) is simply skipped.
 *
 * [push] command: run with sh -c, the device token as $1 and the message
 * as JSON on stdin; exit 0 is sent, exit 3 says the token is no longer
 * valid (the device is forgotten), anything else is a failure (retried).
 * [push] url: the message (with "token") POSTed as JSON by a curl child;
 * 2xx is sent, 404 and 410 say the token is invalid, anything else fails.
 * With neither configured, push requests are dropped.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "consumer.h"
#include "log.h"

#define PUSH_INVALID_EXIT	3

enum { STMT_DEVICES, STMT_FORGET, STMT_USED, STMT__MAX };

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_DEVICES: the one device a request names; a request without
	 * one (queued before requests named devices) goes to them all */
	{ "SELECT id, platform, token FROM push_devices WHERE user_id = ? "
	  "AND (? IS NULL OR id = ?) ORDER BY id", NULL, 0 },
	/* STMT_FORGET */
	{ "DELETE FROM push_devices WHERE id = ?", NULL, 0 },
	/* STMT_USED */
	{ "UPDATE push_devices SET last_used_at = UTC_TIMESTAMP() WHERE id = ?",
	  NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

enum outcome { SENT, INVALID, FAILED };

/* Releases the statements. */
void
push_free(void)
{
	db_release_all(stmts, STMT__MAX);
}

/*
 * Runs argv with in on its stdin; its stdout (up to outlen - 1 bytes) in
 * out.  Returns the exit status, or -1 when it could not run.
 */
static int
run(const char *const argv[], const char *in, size_t inlen, char *out,
    size_t outlen)
{
	int	 pin[2] = { -1, -1 }, pout[2] = { -1, -1 }, st;
	pid_t	 pid;
	size_t	 got = 0;
	ssize_t	 n;

	out[0] = '\0';
	if (pipe(pin) != 0 || pipe(pout) != 0)
		goto fail;
	if ((pid = fork()) < 0)
		goto fail;
	if (pid == 0) {
		dup2(pin[0], STDIN_FILENO);
		dup2(pout[1], STDOUT_FILENO);
		close(pin[0]);
		close(pin[1]);
		close(pout[0]);
		close(pout[1]);
		/* execvp's prototype predates const; it does not write. */
		execvp(argv[0], (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	close(pin[0]);
	close(pout[1]);
	pin[0] = pout[1] = -1;
	/* A child that does not read its input is its own business. */
	while (inlen > 0 && (n = write(pin[1], in, inlen)) > 0) {
		in += n;
		inlen -= (size_t)n;
	}
	close(pin[1]);
	pin[1] = -1;
	while ((n = read(pout[0], out + got, outlen - 1 - got)) > 0) {
		got += (size_t)n;
		if (got == outlen - 1)
			break;
	}
	out[got] = '\0';
	close(pout[0]);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
fail:
	if (pin[0] >= 0)
		close(pin[0]);
	if (pin[1] >= 0)
		close(pin[1]);
	if (pout[0] >= 0)
		close(pout[0]);
	if (pout[1] >= 0)
		close(pout[1]);
	return -1;
}

static enum outcome
send_command(const char *cmd, const char *token, const char *msg, char *err,
    size_t errlen)
{
	/* A sender that hangs must not hold the notifier's batch open:
	 * coreutils' timeout ends it (exit 124, a failure to retry). */
	const char *argv[] = { "timeout", "10", "/bin/sh", "-c", NULL,
	    "agora-push", NULL, NULL };
	char	 out[256];
	int	 st;

	argv[4] = cmd;
	argv[6] = token;
	st = run(argv, msg, strlen(msg), out, sizeof(out));
	if (st == 0)
		return SENT;
	if (st == PUSH_INVALID_EXIT)
		return INVALID;
	snprintf(err, errlen, "push command exited with %d", st);
	return FAILED;
}

static enum outcome
send_url(const char *url, const char *msg, char *err, size_t errlen)
{
	const char *argv[] = { "curl", "-sS", "-o", "/dev/null", "-w",
	    "%{http_code}", "-m", "10", "-H", "Content-Type: application/json",
	    "--data-binary", "@-", NULL, NULL };
	char	 out[64];
	int	 st;
	long	 code;

	argv[12] = url;
	st = run(argv, msg, strlen(msg), out, sizeof(out));
	code = strtol(out, NULL, 10);
	if (st == 0 && code >= 200 && code < 300)
		return SENT;
	if (st == 0 && (code == 404 || code == 410))
		return INVALID;
	snprintf(err, errlen, "push endpoint: curl %d, HTTP %ld", st, code);
	return FAILED;
}

static enum db_status
push_notification(int64_t id, json_t *payload, char *err, size_t errlen)
{
	static bool	 sigpipe_ignored;
	const char	*cmd, *url, *token;
	json_t		*devs = NULL, *d, *msg;
	enum db_status	 rc;
	enum outcome	 o;
	json_int_t	 dev;
	char		*s;
	size_t		 i;

	/* A device may see a message twice after a crash, not after a
	 * batch that failed and ran again (handed.c). */
	cmd = cfg_str("push", "command", NULL);
	url = cfg_str("push", "url", NULL);
	if ((cmd == NULL || *cmd == '\0') && (url == NULL || *url == '\0'))
		return DB_OK;
	if (!sigpipe_ignored) {
		/* A sender that exits early must not take the notifier down. */
		signal(SIGPIPE, SIG_IGN);
		sigpipe_ignored = true;
	}
	dev = json_integer_value(json_object_get(payload, "device_id"));
	if ((rc = db_query(&stmts[STMT_DEVICES], P(DB_INT(json_integer_value(
	    json_object_get(payload, "user_id"))), dev ? DB_INT(dev) : DB_NULL,
	    DB_INT(dev)), &devs)) != DB_OK) {
		snprintf(err, errlen, "push devices: %s", db_status_str(rc));
		return rc;
	}
	json_array_foreach(devs, i, d) {
		if (handed_before(id, json_integer_value(json_object_get(d,
		    "id"))))
			continue;
		token = json_string_value(json_object_get(d, "token"));
		msg = json_pack("{s:s, s:O, s:O, s:O, s:O, s:O}", "token", token,
		    "platform", json_object_get(d, "platform"), "type",
		    json_object_get(payload, "type"), "title",
		    json_object_get(payload, "title"), "body",
		    json_object_get(payload, "body"), "link",
		    json_object_get(payload, "link"));
		s = msg != NULL ? json_dumps(msg, JSON_COMPACT) : NULL;
		json_decref(msg);
		if (s == NULL) {
			snprintf(err, errlen, "push: bad message");
			rc = DB_ERROR;
			break;
		}
		if (cmd != NULL && *cmd != '\0')
			o = send_command(cmd, token, s, err, errlen);
		else
			o = send_url(url, s, err, errlen);
		free(s);
		if (o == FAILED) {
			rc = DB_ERROR;
			break;
		}
		handed_now(id, json_integer_value(json_object_get(d, "id")));
		if (o == INVALID)
			log_info("push: device %lld has an invalid token; forgotten",
			    (long long)json_integer_value(json_object_get(d, "id")));
		if ((rc = db_exec(&stmts[o == INVALID ? STMT_FORGET : STMT_USED],
		    P(DB_INT(json_integer_value(json_object_get(d, "id")))), NULL,
		    NULL)) != DB_OK)
			break;
	}
	json_decref(devs);
	return rc;
}

const struct consumer push_consumers[] = {
	{ "push.notification", "push.notification", push_notification,
	    NULL },
	{ NULL, NULL, NULL, NULL },
};
