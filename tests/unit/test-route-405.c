/*
 * A path that exists under other methods is a 405, with every method of
 * every matching route in the allowed mask.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events/{id}", h, ROLE_ANY, "events/show" },
	{ M_PATCH, "/events/{id}", h, ROLE_ONG, NULL },
	{ M_DELETE | M_PUT, "/events/{id}", h, ROLE_ONG, NULL },
	{ M_GET, "/events", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;
	char			 allow[128];

	CHECK(route_find(routes, M_POST, "/events/3", &m) ==
	    HTTP_METHOD_NOT_ALLOWED);
	CHECK(m.route == NULL);
	CHECK(m.allowed == (M_GET | M_PATCH | M_DELETE | M_PUT));
	CHECK_STR(route_allow(m.allowed, allow, sizeof(allow)),
	    "GET, HEAD, PUT, PATCH, DELETE");
	CHECK(route_find(routes, M_OPTIONS, "/events", &m) ==
	    HTTP_METHOD_NOT_ALLOWED);
	CHECK(m.allowed == M_GET);
	/* The mask is complete when a later route matches too. */
	CHECK(route_find(routes, M_PATCH, "/events/3", &m) == HTTP_OK);
	CHECK(m.route == &routes[1]);
	CHECK(m.allowed & M_PATCH);
	return CHECK_DONE();
}
