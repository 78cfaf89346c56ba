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
 * Workers are single-threaded; the entries are not shared between them.
 *
 * What is shared, by every program of the site, is the last reading of
 * the versions: a request takes the one another worker made up to
 * MEMO_RECENT_MS ago (twice that while a worker reads them again), so
 * that a kept answer costs no round trip to the database at all.  Every
 * commit made through lib/db marks the reading old, so whatever anyone
 * changes through the site shows on the next request; only a change made
 * behind the site's back (a hand-written statement) can take that long.
 */
#ifndef AGORA_MEMO_H
#define AGORA_MEMO_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <jansson.h>

#define MEMO_SLOTS	64
#define MEMO_VERSIONS	2	/* versions a program reads together */
#define MEMO_RECENT_MS	100	/* how old a shared reading may be */

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

/* Shares the readings of versions through the file memo-versions in dir
 * (the sockets' directory) with every process of the site (app_main
 * before it forks, and the notifier, whose commits count too).  Without
 * it every caller reads its own.  0, or -1 (errno) when it cannot. */
int	 memo_share(const char *dir);

/* Fills v with the versions: from the shared reading while it is recent
 * (see above), else through read(v), whose result is returned and, when
 * 0, shared. */
int	 memo_versions(int64_t v[MEMO_VERSIONS],
	    int (*read)(int64_t v[MEMO_VERSIONS]));

/* A change was committed: readings begun before now are no longer
 * shared (lib/db.c, after every commit and autocommitted write). */
void	 memo_versions_moved(void);

#endif
