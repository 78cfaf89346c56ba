/* log: structured single-line logging to stderr. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "log.h"

static const char	*log_prog = "agora";
static enum log_level	 log_min = LOG_LEVEL_INFO;
static char		 log_rid[64];

static const char *const level_names[] = {
	"debug",	/* LOG_LEVEL_DEBUG */
	"info",		/* LOG_LEVEL_INFO */
	"warn",		/* LOG_LEVEL_WARN */
};

void
log_init(const char *prog, enum log_level min)
{
	log_prog = prog;
	log_min = min;
}

void
log_set_request_id(const char *rid)
{
	size_t	 i;

	log_rid[0] = '\0';
	if (rid == NULL)
		return;
	/* nginx's $request_id is hex; keep only safe characters. */
	for (i = 0; rid[i] != '\0' && i < sizeof(log_rid) - 1; i++)
		log_rid[i] = (rid[i] >= '!' && rid[i] <= '~' && rid[i] != '"') ?
		    rid[i] : '_';
	log_rid[i] = '\0';
}

/* Appends s as a quoted value with control characters and quotes escaped. */
static void
log_quote(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* A plain token as it is; anything else quoted. */
static void
log_word(struct buf *b, const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			break;
	if (*p == '\0' && p != s)
		buf_puts(b, s);
	else
		log_quote(b, s);
}

static void
log_head(struct buf *b, const char *level)
{
	char		 ts[32];
	struct timespec	 now;
	struct tm	 tm;

	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	buf_printf(b, "ts=%s.%03ldZ level=%s prog=%s pid=%ld", ts,
	    now.tv_nsec / 1000000, level, log_prog, (long)getpid());
	if (log_rid[0] != '\0')
		buf_printf(b, " rid=%s", log_rid);
}

static void	log_vemit(const char *, const char *, int, const char *,
		    va_list) __attribute__((format(printf, 4, 0)));

static void
log_vemit(const char *level, const char *func, int errnum, const char *fmt,
    va_list ap)
{
	struct buf	 msg, line;

	buf_init(&msg);
	buf_init(&line);
	buf_vprintf(&msg, fmt, ap);
	if (errnum != 0)
		buf_printf(&msg, ": %s", strerror(errnum));
	log_head(&line, level);
	buf_printf(&line, " func=%s msg=", func);
	log_quote(&line, buf_str(&msg));
	buf_putc(&line, '\n');
	/* One write per line keeps lines from concurrent workers whole. */
	if (write(STDERR_FILENO, line.data, line.len) < 0) {
		/* Nowhere left to report it. */
	}
	buf_free(&msg);
	buf_free(&line);
}

void
log_emit(enum log_level level, const char *func, int with_errno,
    const char *fmt, ...)
{
	va_list	 ap;
	int	 saved = errno;

	if (level < log_min)
		return;
	va_start(ap, fmt);
	log_vemit(level_names[level], func, with_errno ? saved : 0, fmt, ap);
	va_end(ap);
	errno = saved;
}

void
log_fatal(const char *func, int with_errno, const char *fmt, ...)
{
	va_list	 ap;
	int	 saved = errno;

	va_start(ap, fmt);
	log_vemit("fatal", func, with_errno ? saved : 0, fmt, ap);
	va_end(ap);
	exit(1);
}

void
log_request(const char *method, const char *path, const char *route,
    int status, double ms, const char *user)
{
	struct buf	 line;

	buf_init(&line);
	log_head(&line, "info");
	buf_puts(&line, " method=");
	log_word(&line, method != NULL ? method : "-");
	buf_printf(&line, " status=%d dur_ms=%.2f route=", status, ms);
	log_quote(&line, route != NULL ? route : "-");
	buf_puts(&line, " path=");
	log_quote(&line, path);
	buf_printf(&line, " user=%s\n", user != NULL ? user : "-");
	if (write(STDERR_FILENO, line.data, line.len) < 0) {
		/* Nowhere left to report it. */
	}
	buf_free(&line);
}
