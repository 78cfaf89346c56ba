/*
 * An id parameter refuses 0: database ids start at 1.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events/{id}", h, ROLE_ANY, NULL },
	{ M_GET, "/events/{id}/people/{user_id}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/events/0", &m) == HTTP_NOT_FOUND);
	CHECK(m.route == NULL);
	CHECK(route_find(routes, M_GET, "/events/3/people/0", &m) ==
	    HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/0/people/3", &m) ==
	    HTTP_NOT_FOUND);
	return CHECK_DONE();
}
