/*
 * cfg_load() fails on a line that is neither a section, a key = value nor
 * a comment, and on an unclosed section header.
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
	CHECK(cfg_load("tests/unit/fixtures/cfg/syntax-error.conf") == -1);
	cfg_free();
	CHECK(cfg_load("tests/unit/fixtures/cfg/bad-section.conf") == -1);
	cfg_free();
	return CHECK_DONE();
}
