/*
 * route_check() refuses a pattern with more parameters than
 * ROUTE_MAXPARAMS: route_find() could never match it, so it would be a
 * route that silently answers nothing.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/a/{id}/b/{b_id}/c/{c_id}/d/{d_id}/e/{e_id}", h, ROLE_ANY,
	    NULL },
	{ 0, NULL, NULL, 0, NULL }
};

int
main(void)
{
	struct route_match	 m;
	char			 err[256];

	/* It is indeed unreachable... */
	CHECK(route_find(routes, M_GET, "/a/1/b/2/c/3/d/4/e/5", &m) ==
	    HTTP_NOT_FOUND);
	/* ...so the start-up check must say so. */
	CHECK(route_check(routes, err, sizeof(err)) == -1);
	return CHECK_DONE();
}
