/*
 * route_allow() lists methods in a fixed order for an Allow header, adds
 * HEAD whenever GET is there, and fits what it writes into the buffer.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"

int
main(void)
{
	char	 buf[128], small[10];

	CHECK_STR(route_allow(M_GET, buf, sizeof(buf)), "GET, HEAD");
	CHECK_STR(route_allow(M_POST, buf, sizeof(buf)), "POST");
	CHECK_STR(route_allow(M_DELETE | M_GET | M_POST, buf, sizeof(buf)),
	    "GET, HEAD, POST, DELETE");
	CHECK_STR(route_allow(M_GET | M_HEAD | M_POST | M_PUT | M_PATCH |
	    M_DELETE | M_OPTIONS, buf, sizeof(buf)),
	    "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
	CHECK_STR(route_allow(0, buf, sizeof(buf)), "");
	CHECK(route_allow(M_GET, buf, sizeof(buf)) == buf);
	/* Exactly enough room for "GET, HEAD" and its NUL. */
	CHECK_STR(route_allow(M_GET | M_POST, small, sizeof(small)),
	    "GET, HEAD");
	return CHECK_DONE();
}
