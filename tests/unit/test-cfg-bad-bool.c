/*
 * cfg_bool() gives the default for a value that is not a boolean word.
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
	CHECK(cfg_bool("flags", "maybe", true) == true);
	CHECK(cfg_bool("flags", "maybe", false) == false);
	CHECK(cfg_bool("flags", "empty", true) == true);
	CHECK(cfg_bool("flags", "empty", false) == false);
	CHECK(cfg_bool("server", "workers", false) == false);
	CHECK(setenv("AGORA_FLAGS_X", "enabled", 1) == 0);
	CHECK(cfg_bool("flags", "x", true) == true);
	CHECK(setenv("AGORA_FLAGS_X", "on ", 1) == 0);
	CHECK(cfg_bool("flags", "x", false) == false);
	cfg_free();
	return CHECK_DONE();
}
