/*
 * route_method() knows only the upper-case names it lists: anything else,
 * including lower case and the empty string, is 0.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"

int
main(void)
{
	CHECK(route_method("get") == 0);
	CHECK(route_method("Get") == 0);
	CHECK(route_method("") == 0);
	CHECK(route_method("GET ") == 0);
	CHECK(route_method("GETS") == 0);
	CHECK(route_method("TRACE") == 0);
	CHECK(route_method("CONNECT") == 0);
	CHECK(route_method("PROPFIND") == 0);
	return CHECK_DONE();
}
