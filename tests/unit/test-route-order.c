/*
 * Routes are tried top to bottom: a literal listed before a parameter in
 * the same place wins for its own path only.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events/new", h, ROLE_ONG, "events/new" },
	{ M_GET, "/events/{id}", h, ROLE_ANY, "events/show" },
	{ M_GET, "/shop/featured", h, ROLE_ANY, "shop/featured" },
	{ M_GET, "/shop/{slug}", h, ROLE_ANY, "shop/show" },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/events/new", &m) == HTTP_OK);
	CHECK(m.route == &routes[0] && m.nparams == 0);
	CHECK(route_find(routes, M_GET, "/events/5", &m) == HTTP_OK);
	CHECK(m.route == &routes[1] && m.params[0].id == 5);
	CHECK(route_find(routes, M_GET, "/shop/featured", &m) == HTTP_OK);
	CHECK(m.route == &routes[2]);
	CHECK(route_find(routes, M_GET, "/shop/tulips", &m) == HTTP_OK);
	CHECK(m.route == &routes[3]);
	return CHECK_DONE();
}
