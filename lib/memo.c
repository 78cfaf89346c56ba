/* memo: a worker's answers kept while their version holds; see memo.h. */
#include <string.h>
#include <time.h>

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
