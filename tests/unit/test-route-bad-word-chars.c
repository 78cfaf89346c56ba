/*
 * A word parameter refuses an empty segment, characters outside letters,
 * digits, "-", "_" and ".", and more than 100 bytes.
 */
#include <stddef.h>
#include <string.h>

#include "route.h"
#include "check.h"
#include "noop-handler.h"

static const struct route routes[] = {
	{ M_GET, "/shop/{slug}", h, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL }
};

static const char *const bad[] = {
	"/shop/", "/shop/a b", "/shop/a%20b", "/shop/a+b", "/shop/<x>",
	"/shop/a'b", "/shop/\xc3\xa1rbol", "/shop/a\tb", "/shop/~x",
	"/shop/a;b", "/shop/a?b", "/shop/a:b",
	NULL
};

int
main(void)
{
	struct route_match	 m;
	char			 path[200];
	size_t			 i;

	for (i = 0; bad[i] != NULL; i++) {
		if (route_find(routes, M_GET, bad[i], &m) != HTTP_NOT_FOUND) {
			fprintf(stderr, "matched: %s\n", bad[i]);
			CHECK(0);
		}
	}
	/* 100 bytes pass, 101 do not. */
	memcpy(path, "/shop/", 6);
	memset(path + 6, 'w', 100);
	path[106] = '\0';
	CHECK(route_find(routes, M_GET, path, &m) == HTTP_OK);
	path[106] = 'w';
	path[107] = '\0';
	CHECK(route_find(routes, M_GET, path, &m) == HTTP_NOT_FOUND);
	return CHECK_DONE();
}
