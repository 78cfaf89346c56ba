/*
 * log: one structured line per event on stderr, which the supervisor
 * sends to the program's log file.  Words follow OpenBSD httpd:
 * log_warn appends strerror(errno), log_warnx does not; fatal and fatalx
 * exit and are allowed only before the accept loop.  Control characters
 * in messages are replaced so a request cannot forge log lines.
 */
#ifndef AGORA_LOG_H
#define AGORA_LOG_H

enum log_level { LOG_LEVEL_DEBUG, LOG_LEVEL_INFO, LOG_LEVEL_WARN };

void	log_init(const char *prog, enum log_level);
void	log_set_request_id(const char *);	/* NULL clears it */
void	log_emit(enum log_level, const char *func, int with_errno,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	log_fatal(const char *func, int with_errno, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4), noreturn));
/* The access line: one per request, written after the response. */
void	log_request(const char *method, const char *path, const char *route,
	    int status, double ms, const char *user);

#define log_warn(...)	log_emit(LOG_LEVEL_WARN, __func__, 1, __VA_ARGS__)
#define log_warnx(...)	log_emit(LOG_LEVEL_WARN, __func__, 0, __VA_ARGS__)
#define log_info(...)	log_emit(LOG_LEVEL_INFO, __func__, 0, __VA_ARGS__)
#define log_debug(...)	log_emit(LOG_LEVEL_DEBUG, __func__, 0, __VA_ARGS__)
#define fatal(...)	log_fatal(__func__, 1, __VA_ARGS__)
#define fatalx(...)	log_fatal(__func__, 0, __VA_ARGS__)

#endif
