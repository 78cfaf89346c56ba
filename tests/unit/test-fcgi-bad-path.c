/*
 * fcgi_listen() refuses a path too long for sun_path and one whose
 * directory does not exist, owning nothing; fcgi_alive() is false for
 * such paths and for one where nothing listens.
 */
#include <sys/un.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture-stderr.h"
#include "fcgi.h"
#include "check.h"

int
main(void)
{
	struct sockaddr_un	 sun;
	char			 longp[sizeof(sun.sun_path) + 16];
	char			 dir[] = "/tmp/agora-fcgi.XXXXXX", path[256];
	bool			 owned = true;
	const char		*log;

	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_PID");
	CHECK(mkdtemp(dir) != NULL);

	/* Exactly sizeof(sun_path) bytes leaves no room for the NUL. */
	memset(longp, 'a', sizeof(longp));
	memcpy(longp, dir, strlen(dir));
	longp[strlen(dir)] = '/';
	longp[sizeof(sun.sun_path)] = '\0';
	cap_begin();
	CHECK(fcgi_listen(longp, &owned) == -1);
	log = cap_end();
	CHECK(!owned);
	CHECK(strstr(log, "too long") != NULL);
	CHECK(access(longp, F_OK) != 0);
	CHECK(!fcgi_alive(longp));
	longp[sizeof(longp) - 1] = '\0';
	owned = true;
	cap_begin();
	CHECK(fcgi_listen(longp, &owned) == -1);
	cap_end();
	CHECK(!owned);

	snprintf(path, sizeof(path), "%s/missing/app.sock", dir);
	owned = true;
	cap_begin();
	CHECK(fcgi_listen(path, &owned) == -1);
	cap_end();
	CHECK(!owned);
	CHECK(!fcgi_alive(path));

	snprintf(path, sizeof(path), "%s/nobody.sock", dir);
	CHECK(!fcgi_alive(path));
	CHECK(!fcgi_alive(""));
	CHECK(rmdir(dir) == 0);
	return CHECK_DONE();
}
