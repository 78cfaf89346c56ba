/*
 * i18n_load() can run again (a worker reloading its catalogs) and
 * i18n_free() drops them, after which keys read as themselves.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK(i18n_load("tests/unit/fixtures/i18n") == 0);
	CHECK(i18n_load("tests/unit/fixtures/i18n") == 0);
	CHECK_STR(i18n_get("en", "app.name"), "Agora");
	i18n_free();
	CHECK(i18n_catalog("en") == NULL);
	CHECK_STR(i18n_get("en", "app.name"), "app.name");
	i18n_free();
	return CHECK_DONE();
}
