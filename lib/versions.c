/* versions: readings of versions the site's programs share; see versions.h. */
#include <sys/file.h>
#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "versions.h"

#define PLACES	256
#define RECENT_NS	(VERSIONS_RECENT_MS * 1000000LL)

/*
 * One key's last reading.  Times are CLOCK_MONOTONIC nanoseconds.  A
 * writer makes seq odd while it writes (one at a time: a worker that
 * finds it odd shares nothing) and a reader that sees seq odd, or moved
 * from before to after, takes nothing: another key's versions under
 * this key's name would be a wrong answer, not a stale one.  (A writer
 * killed between the two leaves its place odd: the keys that land there
 * are read afresh every time, until the next boot.)
 */
struct reading {
	_Atomic uint64_t seq;
	_Atomic uint64_t key;		/* the key's hash; 0: none yet */
	_Atomic int64_t	 read_at;	/* when the read of v began */
	_Atomic int64_t	 claim_at;	/* when a worker set out to read again */
	_Atomic int64_t	 v[VERSIONS_N];
};

struct table {
	char		 boot[40];	/* the boot the times are of */
	_Atomic int64_t	 moved_at;	/* when a change was last committed */
	struct reading	 places[PLACES];
};

static struct table	*shared;

static int64_t
now_ns(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* FNV-1a: keys are short and few; 0 stays free. */
static uint64_t
hash(const char *key)
{
	uint64_t	 h = 14695981039346656037ULL;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ULL;
	return h != 0 ? h : 1;
}

/* This boot's id, as Linux tells it; empty when it does not. */
static void
boot_id(char out[40])
{
	FILE	*f;

	memset(out, 0, 40);
	if ((f = fopen("/proc/sys/kernel/random/boot_id", "r")) == NULL)
		return;
	if (fgets(out, 40, f) == NULL)
		memset(out, 0, 40);
	fclose(f);
}

int
versions_share(const char *dir)
{
	char	 path[4096], boot[40];
	void	*p;
	int	 fd;

	/* The layout's size in the name: a build with another layout,
	 * running beside this one during a deploy, has a file of its own. */
	if ((size_t)snprintf(path, sizeof(path), "%s/memo-versions-%zu", dir,
	    sizeof(*shared)) >= sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		return -1;
	/* One program at a time sizes the file and checks its boot. */
	if (flock(fd, LOCK_EX) != 0 || ftruncate(fd, sizeof(*shared)) != 0 ||
	    (p = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
	    MAP_SHARED, fd, 0)) == MAP_FAILED) {
		close(fd);
		return -1;
	}
	shared = p;
	/* Times left from before a reboot are of another clock; no process
	 * of this boot has the file yet. */
	boot_id(boot);
	if (memcmp(shared->boot, boot, sizeof(boot)) != 0) {
		memset(shared->places, 0, sizeof(shared->places));
		atomic_store(&shared->moved_at, now_ns());
		memcpy(shared->boot, boot, sizeof(boot));
	}
	/* Unlocked by hand: the mapping holds the file open. */
	flock(fd, LOCK_UN);
	close(fd);
	return 0;
}

/* Whether the reading at p is key h's and recent enough (versions.h):
 * v filled, true; or false, the caller to read. */
static bool
recent(struct reading *p, uint64_t h, int64_t v[VERSIONS_N])
{
	uint64_t	 seq;
	int64_t		 now, read, claim;
	bool		 mine;
	int		 i;

	seq = atomic_load(&p->seq);
	if (seq % 2 != 0 || atomic_load(&p->key) != h)
		return false;
	read = atomic_load(&p->read_at);
	for (i = 0; i < VERSIONS_N; i++)
		v[i] = atomic_load(&p->v[i]);
	if (atomic_load(&p->seq) != seq)
		return false;
	now = now_ns();
	if (read <= atomic_load(&shared->moved_at) || read > now)
		return false;
	if (now - read > RECENT_NS) {
		claim = atomic_load(&p->claim_at);
		mine = now - claim > RECENT_NS &&
		    atomic_compare_exchange_strong(&p->claim_at, &claim, now);
		/* A claimant that died or hangs holds nobody up for long. */
		if (mine || now - read > 2 * RECENT_NS)
			return false;
	}
	return true;
}

static void
publish(struct reading *p, uint64_t h, const int64_t v[VERSIONS_N],
    int64_t started)
{
	uint64_t	 seq;
	int		 i;

	/* Read before a change that came meanwhile: the caller's alone. */
	if (started <= atomic_load(&shared->moved_at))
		return;
	seq = atomic_load(&p->seq);
	if (seq % 2 != 0 ||
	    !atomic_compare_exchange_strong(&p->seq, &seq, seq + 1))
		return;
	atomic_store(&p->key, h);
	for (i = 0; i < VERSIONS_N; i++)
		atomic_store(&p->v[i], v[i]);
	atomic_store(&p->read_at, started);
	atomic_store(&p->seq, seq + 2);
}

int
versions_get(const char *key, int64_t v[VERSIONS_N], versions_read_fn read,
    void *arg)
{
	struct reading	*p;
	uint64_t	 h;
	int64_t		 started;
	int		 rc;

	if (shared == NULL)
		return read(arg, v);
	h = hash(key);
	p = &shared->places[h % PLACES];
	if (recent(p, h, v))
		return 0;
	started = now_ns();
	if ((rc = read(arg, v)) == 0)
		publish(p, h, v, started);
	return rc;
}

void
versions_moved(void)
{
	int64_t	 now, was;

	if (shared == NULL)
		return;
	/* Only forward: a process that read the clock before another's
	 * commit, and stores after it, must not take that commit back. */
	now = now_ns();
	was = atomic_load(&shared->moved_at);
	while (was < now &&
	    !atomic_compare_exchange_weak(&shared->moved_at, &was, now))
		;
}
