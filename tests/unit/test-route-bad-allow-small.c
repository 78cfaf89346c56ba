/*
 * route_allow() with every buffer from 1 byte up writes nothing past it
 * and always terminates: each buffer is exactly its size on the heap, so
 * ASan catches one byte too many.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "route.h"
#include "check.h"

int
main(void)
{
	static const char	 full[] =
	    "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
	unsigned		 all = M_GET | M_HEAD | M_POST | M_PUT |
				    M_PATCH | M_DELETE | M_OPTIONS;
	char			*b;
	const char		*got;
	size_t			 len;

	for (len = 1; len <= sizeof(full) + 1; len++) {
		b = x_malloc(len);
		memset(b, '#', len);
		got = route_allow(all, b, len);
		CHECK(got == b);
		CHECK(memchr(b, '\0', len) != NULL);
		CHECK(strlen(b) < len);
		/* What fits is the start of the full list. */
		CHECK(strncmp(full, b, strlen(b)) == 0);
		if (len >= sizeof(full))
			CHECK_STR(b, full);
		x_free(b);
	}
	b = x_malloc(1);
	CHECK_STR(route_allow(M_GET, b, 1), "");
	x_free(b);
	return CHECK_DONE();
}
