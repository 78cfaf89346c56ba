/*
 * cfg_int() gives the default for a value that is not a whole number in
 * range, from the file or the environment.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "cfg.h"
#include "check.h"

#define CONF	"tests/unit/fixtures/cfg/agora.conf"

int
main(void)
{
	/* Only the variables a test sets may count. */
	clearenv();
	CHECK(cfg_load(CONF) == 0);
	CHECK(cfg_int("limits", "garbage", 7) == 7);
	CHECK(cfg_int("limits", "spaced", 7) == 7);
	CHECK(cfg_int("limits", "huge", 7) == 7);
	CHECK(cfg_int("server", "name", 7) == 7);
	CHECK(cfg_int("flags", "empty", 7) == 7);
	CHECK(cfg_int("flags", "on", 7) == 7);
	CHECK(setenv("AGORA_LIMITS_URI_MAX", "4k", 1) == 0);
	CHECK(cfg_int("limits", "uri_max", 4096) == 4096);
	CHECK(setenv("AGORA_LIMITS_URI_MAX", " 10", 1) == 0);
	CHECK(cfg_int("limits", "uri_max", 4096) == 4096);
	CHECK(setenv("AGORA_LIMITS_URI_MAX", "0x10", 1) == 0);
	CHECK(cfg_int("limits", "uri_max", 4096) == 4096);
	CHECK(setenv("AGORA_LIMITS_URI_MAX", "1.5", 1) == 0);
	CHECK(cfg_int("limits", "uri_max", 4096) == 4096);
	cfg_free();
	return CHECK_DONE();
}
