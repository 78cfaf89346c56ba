/*
 * route_check() refuses "{id}" and "{other_id}" (or two word parameters)
 * in the same place for the same method: both would answer "/x/5".
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route ids[] = {
	{ M_GET, "/events/{id}", h, ROLE_ANY, NULL },
	{ M_GET, "/events/{event_id}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

static const struct route words[] = {
	{ M_GET | M_POST, "/shop/{slug}/buy", h, ROLE_ANY, NULL },
	{ M_POST, "/shop/{name}/buy", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	char	 err[256];

	err[0] = '\0';
	CHECK(route_check(ids, err, sizeof(err)) == -1);
	CHECK(strstr(err, "/events/{id}") != NULL);
	CHECK(strstr(err, "/events/{event_id}") != NULL);
	err[0] = '\0';
	CHECK(route_check(words, err, sizeof(err)) == -1);
	CHECK(err[0] != '\0');
	return CHECK_DONE();
}
