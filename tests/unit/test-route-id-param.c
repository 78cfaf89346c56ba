/*
 * "{id}" accepts a positive 64-bit integer, parsed into the parameter
 * and kept as the raw segment too.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/events/{id}", h, ROLE_ANY, "events/show" },
	{ M_GET, "/events/{id}/edit", h, ROLE_ONG, "events/edit" },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;

	CHECK(route_find(routes, M_GET, "/events/42", &m) == HTTP_OK);
	CHECK(m.route == &routes[0]);
	CHECK(m.nparams == 1);
	CHECK(m.params[0].namelen == 2);
	CHECK(strncmp(m.params[0].name, "id", 2) == 0);
	CHECK(m.params[0].len == 2);
	CHECK(strncmp(m.params[0].value, "42", 2) == 0);
	CHECK(m.params[0].id == 42);

	CHECK(route_find(routes, M_GET, "/events/1/edit", &m) == HTTP_OK);
	CHECK(m.route == &routes[1]);
	CHECK(m.nparams == 1 && m.params[0].id == 1);

	/* The largest id there is. */
	CHECK(route_find(routes, M_GET, "/events/9223372036854775807", &m) ==
	    HTTP_OK);
	CHECK(m.params[0].id == INT64_MAX);
	return CHECK_DONE();
}
