/* memo: a worker's answers kept while their version holds; see memo.h. */
#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"
#include "memo.h"

struct slot {
	char		*key;		/* NULL: free */
	int64_t		 version;
	time_t		 until;		/* 0: no limit */
	uint64_t	 used;		/* when last served or kept */
	json_t		*value;
};

static struct slot	 slots[MEMO_SLOTS];
static uint64_t		 clock_;

/* The last reading of the versions, in a file every program of the site
 * maps.  Times are CLOCK_MONOTONIC nanoseconds.  Each field is read and
 * written whole; a reader that meets two readings mixed still has
 * versions that each held at some moment, which is all a kept answer
 * needs. */
struct readings {
	_Atomic int64_t	 read_at;	/* when the read of v began; 0: never */
	_Atomic int64_t	 moved_at;	/* when a change was last committed */
	_Atomic int64_t	 claim_at;	/* when a worker set out to read again */
	_Atomic int64_t	 v[MEMO_VERSIONS];
};

static struct readings	*shared;

static void
slot_free(struct slot *s)
{
	x_free(s->key);
	json_decref(s->value);
	memset(s, 0, sizeof(*s));
}

static struct slot *
find(const char *key)
{
	struct slot	*s;

	for (s = slots; s < slots + MEMO_SLOTS; s++)
		if (s->key != NULL && strcmp(s->key, key) == 0)
			return s;
	return NULL;
}

json_t *
memo_get(const char *key, int64_t version)
{
	struct slot	*s;

	if ((s = find(key)) == NULL)
		return NULL;
	if (s->version != version || (s->until != 0 && time(NULL) >= s->until)) {
		slot_free(s);
		return NULL;
	}
	s->used = ++clock_;
	return s->value;
}

void
memo_put(const char *key, int64_t version, time_t until, json_t *value)
{
	struct slot	*s, *pick;

	if (value == NULL)
		return;
	if ((pick = find(key)) == NULL) {
		/* A free slot, else the one served longest ago. */
		for (pick = s = slots; s < slots + MEMO_SLOTS; s++) {
			if (s->key == NULL) {
				pick = s;
				break;
			}
			if (s->used < pick->used)
				pick = s;
		}
	}
	slot_free(pick);
	pick->key = x_strdup(key);
	pick->version = version;
	pick->until = until;
	pick->used = ++clock_;
	pick->value = value;
}

void
memo_clear(void)
{
	struct slot	*s;

	for (s = slots; s < slots + MEMO_SLOTS; s++)
		slot_free(s);
}

static int64_t
now_ns(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int
memo_share(const char *dir)
{
	char	 path[4096];
	void	*p;
	int	 fd;

	if ((size_t)snprintf(path, sizeof(path), "%s/memo-versions", dir) >=
	    sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		return -1;
	if (ftruncate(fd, sizeof(*shared)) != 0) {
		close(fd);
		return -1;
	}
	p = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE, MAP_SHARED,
	    fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -1;
	shared = p;
	/* Times left from before a reboot are of another clock. */
	if (atomic_load(&shared->moved_at) > now_ns() ||
	    atomic_load(&shared->read_at) > now_ns()) {
		atomic_store(&shared->read_at, 0);
		atomic_store(&shared->moved_at, 0);
		atomic_store(&shared->claim_at, 0);
	}
	return 0;
}


/* Whether the shared reading will do for a caller who accepts one max_ns
 * old: v filled, true; or false, the caller to read. */
static bool
recent(int64_t v[MEMO_VERSIONS], int64_t max_ns)
{
	int64_t	 now, read, claim;
	bool	 mine;
	int	 i;

	now = now_ns();
	read = atomic_load(&shared->read_at);
	if (read == 0 || read <= atomic_load(&shared->moved_at) || read > now)
		return false;
	if (now - read > max_ns) {
		claim = atomic_load(&shared->claim_at);
		mine = now - claim > max_ns &&
		    atomic_compare_exchange_strong(&shared->claim_at, &claim,
		    now);
		/* A claimant that died or hangs holds nobody up for long. */
		if (mine || now - read > 2 * max_ns)
			return false;
	}
	for (i = 0; i < MEMO_VERSIONS; i++)
		v[i] = atomic_load(&shared->v[i]);
	return true;
}

int
memo_versions(int64_t v[MEMO_VERSIONS], int (*read)(int64_t v[MEMO_VERSIONS]))
{
	int64_t	 started;
	int	 i, rc;

	if (shared == NULL)
		return read(v);
	if (recent(v, MEMO_RECENT_MS * 1000000LL))
		return 0;
	started = now_ns();
	if ((rc = read(v)) != 0)
		return rc;
	/* Read before a change that came meanwhile: the caller's alone. */
	if (started <= atomic_load(&shared->moved_at))
		return 0;
	for (i = 0; i < MEMO_VERSIONS; i++)
		atomic_store(&shared->v[i], v[i]);
	atomic_store(&shared->read_at, started);
	return 0;
}

void
memo_versions_moved(void)
{
	if (shared != NULL)
		atomic_store(&shared->moved_at, now_ns());
}
