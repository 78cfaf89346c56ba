/*
 * fcgi: the process model.  A program listens on a unix socket, inherited
 * (systemd socket activation: LISTEN_FDS; spawn-fcgi: fd 0) or bound by
 * itself with mode 0660, then a small supervisor forks a fixed pool of
 * workers that each accept on it.  The supervisor restarts a worker that
 * dies; a worker leaves by itself after max_requests so leaks and
 * fragmentation never accumulate.  SIGTERM drains: idle workers leave at
 * once, busy ones after the request in flight.
 */
#ifndef AGORA_FCGI_H
#define AGORA_FCGI_H

#include <stdbool.h>

/* The worker body: accepts on fd until fcgi_stopping() or its quota. */
typedef int (*fcgi_worker_fn)(int fd, void *arg);

/* Returns the listening fd: inherited, or bound at path.  -1 on error;
 * *owned tells whether the socket file is ours to remove. */
int	 fcgi_listen(const char *path, bool *owned);
/* Runs the supervisor until SIGTERM or SIGINT; returns the exit code. */
int	 fcgi_supervise(int fd, int workers, fcgi_worker_fn, void *arg);
/* Called by a worker around each request, for the drain logic. */
void	 fcgi_busy(bool);
bool	 fcgi_stopping(void);
/* Connects to a program's socket: true when something accepts there. */
bool	 fcgi_alive(const char *path);

#endif
