/*
 * An Allow value cut to fit a small buffer holds whole method names
 * only: never half a name ("PO") or a dangling separator.
 */
#include <string.h>

#include "route.h"
#include "check.h"

int
main(void)
{
	char	 b[16];

	/* "GET, HEAD, POST" needs 16 bytes; one less cannot hold POST. */
	CHECK_STR(route_allow(M_GET | M_POST, b, 15), "GET, HEAD");
	CHECK_STR(route_allow(M_GET | M_POST, b, 11), "GET, HEAD");
	CHECK_STR(route_allow(M_GET | M_POST, b, 12), "GET, HEAD");
	CHECK_STR(route_allow(M_POST | M_DELETE, b, 8), "POST");
	CHECK_STR(route_allow(M_GET | M_POST, b, 16), "GET, HEAD, POST");
	return CHECK_DONE();
}
