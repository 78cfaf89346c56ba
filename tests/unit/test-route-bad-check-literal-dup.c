/*
 * route_check() refuses two literal routes answering the same method and
 * path, and names both patterns in the reason.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route twice[] = {
	{ M_GET, "/events", h, ROLE_ANY, NULL },
	{ M_POST, "/events", h, ROLE_ONG, NULL },
	{ M_GET | M_PATCH, "/events", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

static const struct route root[] = {
	{ M_GET, "/", h, ROLE_ANY, NULL },
	{ M_GET, "/", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	char	 err[256];

	err[0] = '\0';
	CHECK(route_check(twice, err, sizeof(err)) == -1);
	CHECK(strstr(err, "\"/events\"") != NULL);
	CHECK(route_check(root, err, sizeof(err)) == -1);
	return CHECK_DONE();
}
