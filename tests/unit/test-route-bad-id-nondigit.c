/*
 * An id parameter is digits only: no sign, space, letters, hex, decimal
 * point or empty segment.
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

static const char *const bad[] = {
	"/events/12a", "/events/a12", "/events/-1", "/events/+1",
	"/events/ 1", "/events/1 ", "/events/0x1f", "/events/1.0",
	"/events/1e3", "/events/", "/events/new", "/events/%31",
	NULL
};

int
main(void)
{
	struct route_match	 m;
	size_t			 i;

	for (i = 0; bad[i] != NULL; i++) {
		if (route_find(routes, M_GET, bad[i], &m) != HTTP_NOT_FOUND) {
			fprintf(stderr, "matched: %s\n", bad[i]);
			CHECK(0);
		}
		CHECK(m.route == NULL);
	}
	return CHECK_DONE();
}
