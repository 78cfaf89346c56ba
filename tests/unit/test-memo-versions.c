/*
 * The site's programs share their last reading of the versions: a
 * reading is taken while it is recent and no commit came after it began;
 * once it is old, one caller reads again while the others go on with it,
 * and once it is twice as old every caller reads.  Readings and commits
 * of other processes count the same, and times left in the file from
 * before a reboot are forgotten.
 */
#include <sys/wait.h>

#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "memo.h"

static int	 reads;		/* how many times the database was read */
static int64_t	 db[MEMO_VERSIONS] = { 7, 9 };
static int64_t	 nested[MEMO_VERSIONS];
static int	 nested_rc;

static int
read_db(int64_t v[MEMO_VERSIONS])
{
	reads++;
	v[0] = db[0];
	v[1] = db[1];
	return 0;
}

static int
read_fails(int64_t v[MEMO_VERSIONS])
{
	(void)v;
	reads++;
	return 3;
}

/* Someone commits while this read is under way. */
static int
read_during_commit(int64_t v[MEMO_VERSIONS])
{
	memo_versions_moved();
	return read_db(v);
}

/* Another worker asks while this one reads. */
static int
read_while_asked(int64_t v[MEMO_VERSIONS])
{
	nested_rc = memo_versions(nested, read_db);
	return read_db(v);
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
	char	 dir[] = "/tmp/agora-memo-XXXXXX", path[64];
	int64_t	 v[MEMO_VERSIONS], junk[8];
	pid_t	 pid;
	int	 fd, status, i;

	/* Not shared: every call reads. */
	CHECK(memo_versions(v, read_db) == 0 && reads == 1);
	CHECK(memo_versions(v, read_db) == 0 && reads == 2);

	/* Times from another boot in the file are forgotten. */
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/memo-versions", dir);
	for (i = 0; i < 8; i++)
		junk[i] = INT64_MAX / 2;
	CHECK((fd = open(path, O_WRONLY | O_CREAT, 0600)) >= 0);
	CHECK(write(fd, junk, sizeof(junk)) == (ssize_t)sizeof(junk));
	close(fd);
	CHECK(memo_share(dir) == 0);

	reads = 0;
	CHECK(memo_versions(v, read_db) == 0 && reads == 1);
	CHECK(memo_versions(v, read_db) == 0 && reads == 1);
	CHECK(v[0] == 7 && v[1] == 9);

	/* A commit makes the reading old at once. */
	db[0] = 8;
	memo_versions_moved();
	CHECK(memo_versions(v, read_db) == 0 && reads == 2 && v[0] == 8);
	CHECK(memo_versions(v, read_db) == 0 && reads == 2);

	/* A read under way when a commit came is not shared. */
	memo_versions_moved();
	CHECK(memo_versions(v, read_during_commit) == 0 && reads == 3);
	CHECK(memo_versions(v, read_db) == 0 && reads == 4);
	CHECK(memo_versions(v, read_db) == 0 && reads == 4);

	/* Old: the first caller reads, one asking meanwhile goes on. */
	pause_ms(MEMO_RECENT_MS + 20);
	db[1] = 10;
	CHECK(memo_versions(v, read_while_asked) == 0 && reads == 5);
	CHECK(nested_rc == 0 && nested[1] == 9 && v[1] == 10);
	CHECK(memo_versions(v, read_db) == 0 && reads == 5 && v[1] == 10);

	/* The reader failed and shared nothing: the others go on with the
	 * old reading up to twice its age, then every one reads. */
	pause_ms(MEMO_RECENT_MS + 20);
	CHECK(memo_versions(v, read_fails) == 3 && reads == 6);
	CHECK(memo_versions(v, read_db) == 0 && reads == 6 && v[1] == 10);
	pause_ms(MEMO_RECENT_MS);
	CHECK(memo_versions(v, read_fails) == 3 && reads == 7);
	CHECK(memo_versions(v, read_fails) == 3 && reads == 8);

	/* Another process's reading is everyone's; so is its commit. */
	db[0] = 11;
	if ((pid = fork()) == 0)
		_exit(memo_versions(v, read_db));
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && status == 0);
	CHECK(memo_versions(v, read_db) == 0 && reads == 8 && v[0] == 11);
	if ((pid = fork()) == 0) {
		memo_versions_moved();
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && status == 0);
	CHECK(memo_versions(v, read_db) == 0 && reads == 9);

	unlink(path);
	rmdir(dir);
	return CHECK_DONE();
}
