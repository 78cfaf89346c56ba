/*
 * versions: the site's programs share what they last read of the
 * versions that kept answers are checked against (lib/memo.h).
 *
 * A version is a number that every change to some data moves in its own
 * transaction (the sum of event_pages_version, a scope's dash_version).
 * Reading it is one round trip to MariaDB, and for a kept page it is the
 * only one.  So a reading is shared, through a small file every program
 * of the site maps, and a request takes one another worker made up to
 * VERSIONS_RECENT_MS ago (twice that while a worker reads it again).
 * Every commit through lib/db that changed rows marks every reading old
 * (a transaction that changed nothing leaves them be), so whatever
 * anyone changes through the site (the notifier included) shows on the
 * next request; only a change made behind the site's back (a
 * hand-written statement, or a commit on another web host, which maps a
 * file of its own) can take up to twice VERSIONS_RECENT_MS.
 *
 * Readings are kept by key in a fixed table; two keys that meet in one
 * place take turns, each read again when the other was last.
 */
#ifndef AGORA_VERSIONS_H
#define AGORA_VERSIONS_H

#include <stdint.h>

#define VERSIONS_N		2	/* versions read together under a key */
#define VERSIONS_RECENT_MS	100	/* how old a shared reading may be */

/* Reads the versions under a key from the database into v: 0, or the
 * caller's own error code, which versions_get returns. */
typedef int (*versions_read_fn)(void *arg, int64_t v[VERSIONS_N]);

/* Maps the file memo-versions-<size> in dir (the sockets' directory,
 * which the programs and the notifier must be able to write): app_main
 * before it forks, and the notifier, whose commits count too.  Without
 * it every caller reads its own.  0, or -1 (errno) when it cannot. */
int	 versions_share(const char *dir);

/* Fills v with the versions under key: the shared reading while it is
 * recent, else read(arg, v), whose result is returned and, when 0,
 * shared. */
int	 versions_get(const char *key, int64_t v[VERSIONS_N],
	    versions_read_fn read, void *arg);

/* A change was committed: every reading begun before now is old
 * (lib/db.c, after each commit or autocommitted statement that changed
 * rows, and after a COMMIT whose answer was lost). */
void	 versions_moved(void);

#endif
