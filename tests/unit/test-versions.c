/*
 * The site's programs share their last reading of each key's versions: a
 * reading is taken while it is recent and no commit came after it began;
 * once it is old, one caller reads again while the others go on with it,
 * and once it is twice as old every caller reads.  Keys never get each
 * other's versions, even when they land in one place.  Readings and
 * commits of other processes count the same, and a file left from
 * another boot is forgotten.
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "versions.h"

static int	 reads;		/* how many times the database was read */
static int64_t	 db[VERSIONS_N] = { 7, 9 };
static int64_t	 nested[VERSIONS_N];
static int	 nested_rc;

static int
read_db(void *arg, int64_t v[VERSIONS_N])
{
	int64_t	 add = arg != NULL ? *(int64_t *)arg : 0;

	reads++;
	v[0] = db[0] + add;
	v[1] = db[1] + add;
	return 0;
}

static int
read_fails(void *arg, int64_t v[VERSIONS_N])
{
	(void)arg;
	(void)v;
	reads++;
	return 3;
}

/* Someone commits while this read is under way. */
static int
read_during_commit(void *arg, int64_t v[VERSIONS_N])
{
	versions_moved();
	return read_db(arg, v);
}

/* Another worker asks while this one reads. */
static int
read_while_asked(void *arg, int64_t v[VERSIONS_N])
{
	nested_rc = versions_get("k", nested, read_db, NULL);
	return read_db(arg, v);
}

static void
pause_ms(long ms)
{
	struct timespec	 ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

int
main(void)
{
	char	 dir[] = "/tmp/agora-versions-XXXXXX", path[64], key[16];
	char	 junk[4096];
	int64_t	 v[VERSIONS_N], other = 1000;
	pid_t	 pid;
	int	 fd, status, i, n;

	/* Not shared: every call reads. */
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == 1);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == 2);

	/* A file of another boot (here, of nothing) is forgotten. */
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/memo-versions", dir);
	memset(junk, 0x7f, sizeof(junk));
	CHECK((fd = open(path, O_WRONLY | O_CREAT, 0600)) >= 0);
	for (i = 0; i < 8; i++)
		CHECK(write(fd, junk, sizeof(junk)) == (ssize_t)sizeof(junk));
	close(fd);
	CHECK(versions_share(dir) == 0);

	reads = 0;
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == 1);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == 1);
	CHECK(v[0] == 7 && v[1] == 9);

	/* Another key has its own reading. */
	CHECK(versions_get("other", v, read_db, &other) == 0 && reads == 2);
	CHECK(v[0] == 1007);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == 2);
	CHECK(v[0] == 7);

	/* Many keys, so that some share a place: never another's versions. */
	n = reads;
	for (i = 0; i < 600; i++) {
		other = i * 10;
		snprintf(key, sizeof(key), "scope|%d", i);
		CHECK(versions_get(key, v, read_db, &other) == 0);
		CHECK(v[0] == 7 + i * 10);
	}
	for (i = 0; i < 600; i++) {
		other = i * 10;
		snprintf(key, sizeof(key), "scope|%d", i);
		CHECK(versions_get(key, v, read_db, &other) == 0);
		CHECK(v[0] == 7 + i * 10);
	}
	CHECK(reads - n < 1200);	/* most were shared */

	/* A commit makes the reading old at once. */
	db[0] = 8;
	versions_moved();
	n = reads;
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 1);
	CHECK(v[0] == 8);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 1);
	n = reads;

	/* A read under way when a commit came is not shared. */
	versions_moved();
	CHECK(versions_get("k", v, read_during_commit, NULL) == 0 &&
	    reads == n + 1);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 2);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 2);

	/* Old: the first caller reads, one asking meanwhile goes on. */
	pause_ms(VERSIONS_RECENT_MS + 20);
	db[1] = 10;
	CHECK(versions_get("k", v, read_while_asked, NULL) == 0 &&
	    reads == n + 3);
	CHECK(nested_rc == 0 && nested[1] == 9 && v[1] == 10);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 3);
	CHECK(v[1] == 10);

	/* The reader failed and shared nothing: the others go on with the
	 * old reading up to twice its age, then every one reads. */
	pause_ms(VERSIONS_RECENT_MS + 20);
	CHECK(versions_get("k", v, read_fails, NULL) == 3 && reads == n + 4);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 4);
	CHECK(v[1] == 10);
	pause_ms(VERSIONS_RECENT_MS);
	CHECK(versions_get("k", v, read_fails, NULL) == 3 && reads == n + 5);
	CHECK(versions_get("k", v, read_fails, NULL) == 3 && reads == n + 6);

	/* Another process's reading is everyone's; so is its commit. */
	db[0] = 11;
	if ((pid = fork()) == 0)
		_exit(versions_get("k", v, read_db, NULL));
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && status == 0);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 6);
	CHECK(v[0] == 11);
	if ((pid = fork()) == 0) {
		versions_moved();
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && status == 0);
	CHECK(versions_get("k", v, read_db, NULL) == 0 && reads == n + 7);

	unlink(path);
	rmdir(dir);
	return CHECK_DONE();
}
