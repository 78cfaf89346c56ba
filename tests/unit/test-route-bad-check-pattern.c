/*
 * route_check() refuses malformed patterns, a route without a handler and
 * a route without methods.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const char *const bad[] = {
	"", "events", "/events/", "//events", "/events//new", "/{}",
	"/{id", "/events/{id", "/{a}b", "/{a{b}", "/events/{id}/",
	NULL
};

int
main(void)
{
	struct route	 t[2];
	char		 err[256];
	size_t		 i;

	memset(t, 0, sizeof(t));
	for (i = 0; bad[i] != NULL; i++) {
		t[0].methods = M_GET;
		t[0].pattern = bad[i];
		t[0].fn = h;
		err[0] = '\0';
		if (route_check(t, err, sizeof(err)) != -1) {
			fprintf(stderr, "accepted: \"%s\"\n", bad[i]);
			CHECK(0);
		}
		CHECK(err[0] != '\0');
	}
	t[0].pattern = "/events";
	t[0].fn = NULL;
	CHECK(route_check(t, err, sizeof(err)) == -1);
	t[0].fn = h;
	t[0].methods = 0;
	CHECK(route_check(t, err, sizeof(err)) == -1);
	t[0].methods = M_GET;
	CHECK(route_check(t, err, sizeof(err)) == 0);
	return CHECK_DONE();
}
