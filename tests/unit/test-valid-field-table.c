/*
 * A program's field table drives validation through f->valid, as the core
 * does.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"
#include "valid-why.h"

enum ev_field { EV_TITLE, EV_STARTS, EV_CITY, EV_KIND, EV__MAX };

static const char *const kinds[] = { "talk", "workshop", NULL };

static const struct field ev_fields[EV__MAX] = {
	{ "title", valid_line, 1, 10, NULL },		/* EV_TITLE */
	{ "starts", valid_datetime, 0, 0, NULL },	/* EV_STARTS */
	{ "city", valid_id, 0, 0, NULL },		/* EV_CITY */
	{ "kind", valid_enum, 0, 0, kinds },		/* EV_KIND */
};

int
main(void)
{
	static const char *const good[EV__MAX] =
	    { "Taller", "2024-06-01T10:00", "12", "workshop" };
	static const char *const bad[EV__MAX] =
	    { "Un taller largo", "2024-06-31T10:00", "012", "party" };
	static const char *const want[EV__MAX] = { "valid.too_long",
	    "valid.bad_datetime", "valid.not_integer", "valid.not_in_list" };
	const struct field	*f;
	int			 i;

	for (i = 0; i < EV__MAX; i++) {
		f = &ev_fields[i];
		CHECK_STR(why(f->valid, f, good[i], strlen(good[i])), "ok");
		CHECK_STR(why(f->valid, f, bad[i], strlen(bad[i])), want[i]);
	}
	return CHECK_DONE();
}
