/*
 * A trailing slash, a doubled slash or a missing leading slash does not
 * match: every path has one spelling.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events", h, ROLE_ANY, NULL },
	{ M_GET, "/events/{id}", h, ROLE_ANY, NULL },
	{ M_GET, "/shop/{slug}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/events/", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/5/", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/shop/roses/", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "//events", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events//5", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "events", &m) == HTTP_NOT_FOUND);
	CHECK(m.route == NULL && m.allowed == 0);
	return CHECK_DONE();
}
