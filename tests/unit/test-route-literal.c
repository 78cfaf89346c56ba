/*
 * A literal pattern matches exactly its path, with no parameters; the
 * first matching route of the table is the one returned.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/", h, ROLE_ANY, "home" },
	{ M_GET, "/events", h, ROLE_ANY, "events/list" },
	{ M_GET, "/events/new", h, ROLE_ONG, "events/new" },
	{ M_POST, "/events", h, ROLE_ONG, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/events", &m) == HTTP_OK);
	CHECK(m.route == &routes[1]);
	CHECK(m.nparams == 0);
	CHECK(route_find(routes, M_GET, "/events/new", &m) == HTTP_OK);
	CHECK(m.route == &routes[2]);
	CHECK_STR(m.route->tpl, "events/new");
	CHECK(route_find(routes, M_POST, "/events", &m) == HTTP_OK);
	CHECK(m.route == &routes[3]);
	CHECK(route_find(routes, M_GET, "/", &m) == HTTP_OK);
	CHECK(m.route == &routes[0]);
	return CHECK_DONE();
}
