/*
 * participation: what the events and participations programs both do to
 * an event's participations, inside the caller's transaction and after
 * it has locked the event row (the order every writer keeps).
 */
#ifndef AGORA_PARTICIPATION_H
#define AGORA_PARTICIPATION_H

#include <stdint.h>

#include <jansson.h>

#include "db.h"

struct req;

/* Whose participation changed, in which event: the outbox payload. */
struct part_change {
	int64_t		 id;		/* the participation */
	int64_t		 event_id;
	int64_t		 user_id;	/* the participant */
	int64_t		 organizer_id;
	const char	*title;		/* the event's, or NULL */
};

/* Appends the outbox row (topic "participation.<...>") for a
 * participation that reached status. */
enum db_status	 participation_announce(const char *topic,
		    const struct part_change *pc, const char *status);

/* Approves the first in an event's waiting list while the event takes
 * people and has places (all of them when unlimited), announcing each
 * as participation.promoted; *n counts them and *first (when not NULL)
 * says who was first: its id is 0 when nobody was promoted. */
enum db_status	 participation_promote(int64_t event_id, int64_t organizer_id,
		    const char *title, struct part_change *first, int *n);

/* The catalog's names of the participation states, for pages and files
 * (the API speaks in codes): code -> {name, name_en}, new, empty when the
 * catalog cannot be read. */
json_t		*participation_state_names(void);
/* A state's name for people in r's language: the catalog's where it has
 * one (an admin's rename shows at once), else the words under prefix
 * ("participations.state").  Valid while names lives. */
const char	*participation_state_word(struct req *, const json_t *names,
		    const char *prefix, const char *code);

void		 participation_free(void);

#endif
