/*
 * Any other "{name}" accepts one segment of letters, digits, "-", "_" and
 * "."; its id stays 0.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/shop/{slug}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/shop/red-roses_2.0", &m) == HTTP_OK);
	CHECK(m.route == &routes[0]);
	CHECK(m.nparams == 1);
	CHECK(m.params[0].namelen == 4 &&
	    strncmp(m.params[0].name, "slug", 4) == 0);
	CHECK(m.params[0].len == 13 &&
	    strncmp(m.params[0].value, "red-roses_2.0", 13) == 0);
	CHECK(m.params[0].id == 0);
	CHECK(route_find(routes, M_GET, "/shop/42", &m) == HTTP_OK);
	CHECK(m.params[0].id == 0);
	CHECK(route_find(routes, M_GET, "/shop/A", &m) == HTTP_OK);
	return CHECK_DONE();
}
