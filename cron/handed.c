/*
 * handed: what this process handed over outside the database (consumer.h).
 * A ring of the last HANDED_MAX: a batch that fails is run again at once
 * (db_tx) or, given back, claimed again within its lease's minute, so
 * the entries that matter are recent ones.
 */
#include <stdbool.h>
#include <stdint.h>

#include "consumer.h"

#define HANDED_MAX	8192

static struct {
	int64_t		 row, to;
} ring[HANDED_MAX];
static size_t		 next;

bool
handed_before(int64_t outbox_id, int64_t to)
{
	size_t	 i;

	for (i = 0; i < HANDED_MAX; i++)
		if (ring[i].row == outbox_id && ring[i].to == to)
			return true;
	return false;
}

void
handed_now(int64_t outbox_id, int64_t to)
{
	ring[next].row = outbox_id;
	ring[next].to = to;
	next = (next + 1) % HANDED_MAX;
}
