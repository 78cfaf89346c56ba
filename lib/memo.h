/*
 * memo: a worker's copies of answers it drew, each kept under a key
 * with the version of the data it was drawn from.
 *
 * A program that can tell cheaply whether its data changed (one read of
 * a version that every change moves in its own transaction) keeps what
 * it drew and serves it again while the version holds, instead of
 * reading and drawing it anew.  The caller reads the version before
 * the data: an answer drawn from data newer than its version only goes
 * sooner.  An entry can also carry a time after which it is stale
 * whatever the version says (an answer that says "upcoming" until an
 * event starts).
 *
 * A fixed number of entries per worker, the least recently served one
 * making room.  Values are jansson values the memo owns and the caller
 * must not change: a string for drawn HTML, anything for a model.
 * Workers are single-threaded; nothing here is shared between them.
 * The versions themselves come from lib/versions.h.
 */
#ifndef AGORA_MEMO_H
#define AGORA_MEMO_H

#include <stdint.h>
#include <time.h>

#include <jansson.h>

#define MEMO_SLOTS	64

/* The value kept under key for version, or NULL: none, another version
 * (which is dropped), or past its time.  Borrowed: valid until the next
 * memo_put. */
json_t	*memo_get(const char *key, int64_t version);

/* Keeps value (the reference is the memo's from here) under key for
 * version until the time until, 0 for no limit.  A key kept before is
 * replaced.  A NULL value (a failed allocation) keeps nothing. */
void	 memo_put(const char *key, int64_t version, time_t until, json_t *value);

/* Drops every entry (tests, and before a worker exits). */
void	 memo_clear(void);

#endif
