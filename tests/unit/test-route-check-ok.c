/*
 * route_check() accepts a sound table: "/events/{id}" beside
 * "/events/new", one path under different methods, ids and words in the
 * same place, and the root.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/", h, ROLE_ANY, "home" },
	{ M_GET, "/events/new", h, ROLE_ONG, "events/new" },
	{ M_GET, "/events/{id}", h, ROLE_ANY, "events/show" },
	{ M_PATCH, "/events/{id}", h, ROLE_ONG, NULL },
	{ M_DELETE, "/events/{event_id}", h, ROLE_ONG, NULL },
	{ M_GET, "/events/{id}/people/{user_id}", h, ROLE_ONG, NULL },
	{ M_GET, "/shop/{slug}", h, ROLE_ANY, NULL },
	{ M_GET, "/shop/{id}/buy", h, ROLE_ANY, NULL },
	{ M_GET | M_POST, "/login", h, ROLE_ANY, "auth/login" },
	{ 0, NULL, NULL, 0, NULL }
};

static const struct route empty[] = {
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	char	 err[256];

	err[0] = '\0';
	CHECK(route_check(routes, err, sizeof(err)) == 0);
	CHECK_STR(err, "");
	CHECK(route_check(empty, err, sizeof(err)) == 0);
	return CHECK_DONE();
}
