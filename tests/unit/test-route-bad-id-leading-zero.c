/*
 * An id parameter refuses a leading zero, so each id has one spelling.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events/{id}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/events/042", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/00", &m) == HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/0001", &m) == HTTP_NOT_FOUND);
	CHECK(m.route == NULL);
	return CHECK_DONE();
}
