/*
 * Messages below the level given to log_init() are dropped; the ones at
 * or above it are written.
 */
#include <errno.h>
#include <string.h>

#include "log.h"
#include "check.h"
#include "capture-stderr.h"

int
main(void)
{
	const char	*out;

	log_init("test", LOG_LEVEL_WARN);
	cap_begin();
	log_debug("d");
	log_info("i");
	log_warnx("w");
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(strstr(out, "level=warn") != NULL);

	log_init("test", LOG_LEVEL_DEBUG);
	cap_begin();
	log_debug("d");
	log_info("i");
	out = cap_end();
	CHECK(count(out, '\n') == 2);
	CHECK(strstr(out, "level=debug") != NULL);
	CHECK(strstr(out, "level=info") != NULL);
	return CHECK_DONE();
}
