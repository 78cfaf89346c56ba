/* fcgi: socket, prefork pool, supervisor, drain. */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fcgi.h"
#include "log.h"
#include "mem.h"

static volatile sig_atomic_t	 stopping;
static volatile sig_atomic_t	 busy;

bool
fcgi_stopping(void)
{
	return stopping != 0;
}

void
fcgi_busy(bool b)
{
	busy = b;
}

static bool
is_socket(int fd)
{
	int		 type;
	socklen_t	 len = sizeof(type);

	return getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0;
}

int
fcgi_listen(const char *path, bool *owned)
{
	struct sockaddr_un	 sun;
	const char		*fds, *pid;
	mode_t			 old;
	int			 fd;

	*owned = false;
	fds = getenv("LISTEN_FDS");
	pid = getenv("LISTEN_PID");
	if (fds != NULL && pid != NULL && atol(pid) == (long)getpid() &&
	    atoi(fds) >= 1 && is_socket(3))
		return 3;
	if (path == NULL && is_socket(0))
		return 0;
	if (path == NULL) {
		log_warnx("no socket given and none inherited");
		return -1;
	}
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_warnx("socket path too long: %s", path);
		return -1;
	}
	strncpy(sun.sun_path, path, sizeof(sun.sun_path) - 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
		log_warn("socket");
		return -1;
	}
	if (unlink(path) != 0 && errno != ENOENT)
		log_warn("unlink %s", path);
	/* Only the owner and nginx's group may connect (mode 0660). */
	old = umask(0117);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0) {
		umask(old);
		log_warn("bind %s", path);
		close(fd);
		return -1;
	}
	umask(old);
	if (listen(fd, 1024) != 0) {
		log_warn("listen %s", path);
		close(fd);
		return -1;
	}
	*owned = true;
	return fd;
}

bool
fcgi_alive(const char *path)
{
	struct sockaddr_un	 sun;
	int			 fd;
	bool			 ok;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path))
		return false;
	strncpy(sun.sun_path, path, sizeof(sun.sun_path) - 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return false;
	ok = connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0;
	close(fd);
	return ok;
}

static void
on_term_worker(int sig)
{
	(void)sig;	/* one handler for SIGTERM and SIGINT */
	/* Idle in accept(): nothing to finish.  Busy: finish, then leave. */
	if (!busy)
		_exit(0);
	stopping = 1;
}

static void
on_term_supervisor(int sig)
{
	(void)sig;	/* one handler for SIGTERM and SIGINT */
	stopping = 1;
}

static pid_t
spawn(int fd, fcgi_worker_fn fn, void *arg)
{
	struct sigaction	 sa;
	sigset_t		 term, old;
	pid_t			 pid;

	/* A SIGTERM between fork() and the worker's own handler would reach
	 * the supervisor's handler in the child and be lost: hold it until
	 * the worker can act on it. */
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);
	sigprocmask(SIG_BLOCK, &term, &old);
	if ((pid = fork()) != 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return pid;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term_worker;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	_exit(fn(fd, arg));
}

int
fcgi_supervise(int fd, int nworkers, fcgi_worker_fn fn, void *arg)
{
	struct sigaction	 sa;
	pid_t			*pids, pid;
	time_t			*born, now;
	int			 i, status, alive, waited;

	pids = x_calloc((size_t)nworkers, sizeof(*pids));
	born = x_calloc((size_t)nworkers, sizeof(*born));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term_supervisor;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	for (i = 0; i < nworkers; i++) {
		if ((pids[i] = spawn(fd, fn, arg)) < 0)
			log_warn("fork");
		born[i] = time(NULL);
	}
	log_info("supervising %d workers", nworkers);
	while (!stopping) {
		pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				sleep(1);	/* every fork failed: try again */
		}
		for (i = 0; i < nworkers; i++) {
			if (pid > 0 && pids[i] != pid)
				continue;
			if (pid < 0 && pids[i] > 0)
				continue;
			if (pid > 0 && (WIFSIGNALED(status) ||
			    WEXITSTATUS(status) != 0))
				log_warnx("worker %ld died (%s %d); restarting",
				    (long)pid, WIFSIGNALED(status) ? "signal" :
				    "status", WIFSIGNALED(status) ?
				    WTERMSIG(status) : WEXITSTATUS(status));
			if (stopping)
				break;
			now = time(NULL);
			/* A worker that cannot stay up must not spin the CPU. */
			if (pid > 0 && WIFEXITED(status) &&
			    WEXITSTATUS(status) != 0 && now - born[i] < 1)
				sleep(1);
			pids[i] = spawn(fd, fn, arg);
			born[i] = time(NULL);
			break;
		}
	}
	/* Drain: workers finish what they hold, then leave. */
	for (i = 0; i < nworkers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (waited = 0; waited < 100; waited++) {
		alive = 0;
		for (i = 0; i < nworkers; i++) {
			if (pids[i] <= 0)
				continue;
			if (waitpid(pids[i], &status, WNOHANG) == pids[i])
				pids[i] = 0;
			else
				alive++;
		}
		if (alive == 0)
			break;
		usleep(100000);
	}
	for (i = 0; i < nworkers; i++)
		if (pids[i] > 0) {
			log_warnx("worker %ld did not drain in 10 s; killing",
			    (long)pids[i]);
			kill(pids[i], SIGKILL);
			waitpid(pids[i], &status, 0);
		}
	x_free(pids);
	x_free(born);
	return 0;
}
