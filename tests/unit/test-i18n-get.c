/*
 * i18n_get() follows a dotted key through the loaded catalog of the
 * language asked for; an unknown language reads the Spanish one.
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
	CHECK_STR(i18n_get("es", "error.404"), "Página no encontrada");
	CHECK_STR(i18n_get("en", "error.404"), "Page not found");
	CHECK_STR(i18n_get("es", "app.name"), "Ágora");
	CHECK_STR(i18n_get("en", "nested.deep.key"), "deep");
	CHECK_STR(i18n_get("EN", "nested.deep.key"), "deep");
	CHECK_STR(i18n_get("fr", "app.name"), "Ágora");
	CHECK_STR(i18n_get(NULL, "app.name"), "Ágora");
	CHECK(json_is_object(i18n_catalog("en")));
	CHECK(i18n_catalog("es") != i18n_catalog("en"));
	i18n_free();
	return CHECK_DONE();
}
