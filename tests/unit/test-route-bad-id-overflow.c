/*
 * An id parameter refuses anything above INT64_MAX, however long.
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
	char			 path[300];

	CHECK(route_find(routes, M_GET, "/events/9223372036854775808", &m) ==
	    HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/18446744073709551616", &m) ==
	    HTTP_NOT_FOUND);
	CHECK(route_find(routes, M_GET, "/events/99999999999999999999999", &m)
	    == HTTP_NOT_FOUND);
	memcpy(path, "/events/", 8);
	memset(path + 8, '9', sizeof(path) - 9);
	path[sizeof(path) - 1] = '\0';
	CHECK(route_find(routes, M_GET, path, &m) == HTTP_NOT_FOUND);
	CHECK(m.route == NULL);
	return CHECK_DONE();
}
