/*
 * once: a create form sent twice (a double click, a page sent again)
 * makes one thing.  The form carries a random key drawn with it
 * (ONCE_FIELD); the transaction that creates claims (user, key) first
 * and records what it made; a later post of the same form finds that and
 * goes there instead (sql/022_form_once.sql).  The API has no such key
 * and creates each time.
 */
#ifndef AGORA_ONCE_H
#define AGORA_ONCE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "req.h"

#define ONCE_FIELD	"form_key"

/* A new key for a form being drawn; arena-owned. */
const char	*once_key(struct req *);

/* Whether key looks like once_key's: 43 base64url characters. */
bool		 once_valid(const char *key);

/*
 * Inside the creating transaction, before creating: claims key for user.
 * DB_OK: create, then once_done().  DB_CONFLICT: this form made
 * something already, *target (its id); the caller goes there and rolls
 * back.  A post that waits on a twin still creating gets the twin's
 * answer once it commits.
 */
enum db_status	 once_claim(int64_t user, const char *key, int64_t *target);

/* Records what the claim made, in the same transaction. */
enum db_status	 once_done(int64_t user, const char *key, int64_t target);

void		 once_free(void);

#endif
