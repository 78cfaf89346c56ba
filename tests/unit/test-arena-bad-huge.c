/*
 * An allocation that cannot be satisfied aborts the worker instead of
 * returning NULL; checked in a child process with stderr silenced.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"

static int
run_child(size_t n)
{
	struct arena	*a;
	pid_t		 pid;
	int		 st, fd;
	volatile char	*p;

	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) != -1)
			dup2(fd, STDERR_FILENO);
		a = arena_new();
		p = arena_alloc(a, n);
		p[0] = 1;
		_exit(0);	/* must not get here */
	}
	if (waitpid(pid, &st, 0) == -1)
		return -1;
	return st;
}

int
main(void)
{
	int	 st;

	st = run_child(SIZE_MAX);
	CHECK(st != -1);
	CHECK(!(WIFEXITED(st) && WEXITSTATUS(st) == 0));
	st = run_child(SIZE_MAX / 2 + 1);
	CHECK(st != -1);
	CHECK(!(WIFEXITED(st) && WEXITSTATUS(st) == 0));
	return CHECK_DONE();
}
