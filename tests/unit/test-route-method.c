/*
 * route_method() maps the method names, exactly as written, to their bits.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"

int
main(void)
{
	CHECK(route_method("GET") == M_GET);
	CHECK(route_method("HEAD") == M_HEAD);
	CHECK(route_method("POST") == M_POST);
	CHECK(route_method("PUT") == M_PUT);
	CHECK(route_method("PATCH") == M_PATCH);
	CHECK(route_method("DELETE") == M_DELETE);
	CHECK(route_method("OPTIONS") == M_OPTIONS);
	return CHECK_DONE();
}
