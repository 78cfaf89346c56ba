/*
 * fcgi_listen() binds a unix socket with mode 0660 at the path given,
 * replacing a stale file there, and owns it; fcgi_alive() sees it while
 * it listens and not after it is closed.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fcgi.h"
#include "check.h"

int
main(void)
{
	char		 dir[] = "/tmp/agora-fcgi.XXXXXX", path[256];
	struct stat	 st;
	bool		 owned = true;
	FILE		*f;
	int		 fd;

	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_PID");
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/app.sock", dir);

	/* A stale regular file, as a crashed program would leave a socket. */
	CHECK((f = fopen(path, "w")) != NULL);
	if (f != NULL)
		fclose(f);
	CHECK(!fcgi_alive(path));

	owned = false;
	fd = fcgi_listen(path, &owned);
	CHECK(fd > 2);
	CHECK(owned);
	CHECK(stat(path, &st) == 0);
	CHECK(S_ISSOCK(st.st_mode));
	CHECK((st.st_mode & 07777) == 0660);
	CHECK(fcgi_alive(path));
	CHECK(fcgi_alive(path));	/* the backlog holds more than one */
	close(fd);
	CHECK(!fcgi_alive(path));

	/* A socket file left behind by a closed listener is stale too. */
	fd = fcgi_listen(path, &owned);
	CHECK(fd > 2 && owned);
	CHECK(fcgi_alive(path));
	close(fd);
	CHECK(unlink(path) == 0);
	CHECK(!fcgi_alive(path));
	CHECK(rmdir(dir) == 0);
	return CHECK_DONE();
}
