/*
 * A parameter named "..._id" is an id parameter like "{id}"; several
 * parameters in one pattern come back in order.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events/{event_id}/people/{user_id}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/events/7/people/1234", &m) ==
	    HTTP_OK);
	CHECK(m.route == &routes[0]);
	CHECK(m.nparams == 2);
	CHECK(m.params[0].namelen == 8 &&
	    strncmp(m.params[0].name, "event_id", 8) == 0);
	CHECK(m.params[0].id == 7);
	CHECK(m.params[1].namelen == 7 &&
	    strncmp(m.params[1].name, "user_id", 7) == 0);
	CHECK(m.params[1].id == 1234);
	CHECK(m.params[1].len == 4 &&
	    strncmp(m.params[1].value, "1234", 4) == 0);
	/* Being an id parameter, it refuses a word. */
	CHECK(route_find(routes, M_GET, "/events/7/people/ana", &m) ==
	    HTTP_NOT_FOUND);
	return CHECK_DONE();
}
