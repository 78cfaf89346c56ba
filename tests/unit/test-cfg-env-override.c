/*
 * AGORA_<SECTION>_<KEY> in the environment wins over the file and over
 * cfg_set(), and supplies keys the file lacks.
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
	CHECK_STR(cfg_str("db", "password", NULL), "from-file");
	CHECK(setenv("AGORA_DB_PASSWORD", "from-env", 1) == 0);
	CHECK(setenv("AGORA_SERVER_WORKERS", "3", 1) == 0);
	CHECK(setenv("AGORA_AUTH_SECRET", "s3cr3t", 1) == 0);
	CHECK(setenv("AGORA_FLAGS_ON", "no", 1) == 0);
	CHECK_STR(cfg_str("db", "password", NULL), "from-env");
	CHECK(cfg_int("server", "workers", 1) == 3);
	CHECK_STR(cfg_str("auth", "secret", NULL), "s3cr3t");
	CHECK(cfg_bool("flags", "on", true) == false);
	cfg_set("db", "password", "from-set");
	CHECK_STR(cfg_str("db", "password", NULL), "from-env");
	CHECK(unsetenv("AGORA_DB_PASSWORD") == 0);
	CHECK_STR(cfg_str("db", "password", NULL), "from-set");
	cfg_free();
	return CHECK_DONE();
}
