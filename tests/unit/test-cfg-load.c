/*
 * cfg_load() reads an INI file; cfg_str() and cfg_int() find values by
 * section and key (case-sensitive), and give the default for missing
 * ones.
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
	CHECK_STR(cfg_str("server", "name", NULL), "Ágora test");
	CHECK_STR(cfg_str("db", "host", NULL), "localhost");
	CHECK(cfg_int("server", "workers", 1) == 8);
	CHECK(cfg_int("db", "port", 0) == 3306);
	CHECK(cfg_int("limits", "body_max", 0) == 1048576);
	CHECK(cfg_int("limits", "negative", 0) == -5);
	CHECK_STR(cfg_str("flags", "empty", "def"), "");
	CHECK_STR(cfg_str("db", "user", "agora"), "agora");
	CHECK(cfg_str("db", "user", NULL) == NULL);
	CHECK(cfg_str("nosection", "host", NULL) == NULL);
	CHECK(cfg_str("DB", "host", NULL) == NULL);
	CHECK(cfg_str("db", "HOST", NULL) == NULL);
	CHECK(cfg_int("db", "missing", 42) == 42);
	/* No file at all is allowed: everything is a default. */
	CHECK(cfg_load(NULL) == 0);
	cfg_free();
	CHECK(cfg_str("db", "host", NULL) == NULL);
	return CHECK_DONE();
}
