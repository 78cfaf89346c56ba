/*
 * cfg_set() adds or replaces a value; cfg_free() forgets everything.
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
	cfg_set("db", "host", "db.internal");
	cfg_set("new", "key", "value");
	CHECK_STR(cfg_str("db", "host", NULL), "db.internal");
	CHECK_STR(cfg_str("new", "key", NULL), "value");
	cfg_set("new", "key", "second");
	CHECK_STR(cfg_str("new", "key", NULL), "second");
	/* Loading again replaces what the file names, keeps the rest. */
	CHECK(cfg_load(CONF) == 0);
	CHECK_STR(cfg_str("db", "host", NULL), "localhost");
	CHECK_STR(cfg_str("new", "key", NULL), "second");
	cfg_free();
	CHECK(cfg_str("new", "key", NULL) == NULL);
	cfg_set("after", "free", "ok");
	CHECK_STR(cfg_str("after", "free", NULL), "ok");
	cfg_free();
	return CHECK_DONE();
}
