/*
 * cfg_bool() reads on/off, yes/no, true/false and 1/0 in any case.
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
	CHECK(cfg_bool("flags", "on", false) == true);
	CHECK(cfg_bool("flags", "off", true) == false);
	CHECK(cfg_bool("flags", "one", false) == true);
	CHECK(cfg_bool("flags", "zero", true) == false);
	CHECK(cfg_bool("flags", "true", false) == true);
	CHECK(cfg_bool("flags", "false", true) == false);
	CHECK(cfg_bool("server", "strict_templates", false) == true);
	CHECK(cfg_bool("flags", "missing", true) == true);
	CHECK(cfg_bool("flags", "missing", false) == false);
	cfg_free();
	return CHECK_DONE();
}
