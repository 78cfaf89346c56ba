/*
 * cfg_load() of a file that does not exist fails.
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
	CHECK(cfg_load("tests/unit/fixtures/cfg/no-such.conf") == -1);
	cfg_free();
	return CHECK_DONE();
}
