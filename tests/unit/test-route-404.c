/*
 * A path no pattern matches is a 404 with an empty allowed mask, whatever
 * the method.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events", h, ROLE_ANY, NULL },
	{ M_GET, "/events/{id}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/nothing", &m) == HTTP_NOT_FOUND);
	CHECK(m.route == NULL && m.allowed == 0 && m.nparams == 0);
	CHECK(route_find(routes, M_POST, "/nothing", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/3/more", &m) ==
	    HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/event", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/eventsx", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "events", &m) == HTTP_NOT_FOUND);
	return CHECK_DONE();
}
