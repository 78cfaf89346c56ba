/*
 * A HEAD request is answered by the GET route; a route without GET does
 * not answer HEAD.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_POST, "/events", h, ROLE_ONG, NULL },
	{ M_GET, "/events", h, ROLE_ANY, "events/list" },
	{ M_POST, "/logout", h, ROLE_USER, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_HEAD, "/events", &m) == HTTP_OK);
	CHECK(m.route == &routes[1]);
	CHECK(route_find(routes, M_HEAD, "/logout", &m) ==
	    HTTP_METHOD_NOT_ALLOWED);
	CHECK(m.route == NULL);
	CHECK(m.allowed == M_POST);
	return CHECK_DONE();
}
