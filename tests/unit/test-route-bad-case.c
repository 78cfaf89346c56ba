/*
 * Literal segments match byte for byte: no case folding.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events/new", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/Events/new", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/NEW", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/ne", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/newer", &m) == HTTP_NOT_FOUND);
	return CHECK_DONE();
}
