/*
 * A key the catalog lacks comes back as the key itself: a missing leaf, a
 * missing branch, a key naming an object or a number, an empty or overlong
 * part, and any key before the catalogs are loaded.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	char	 longkey[200];

	CHECK_STR(i18n_get("es", "error.404"), "error.404");
	CHECK(i18n_load("tests/unit/fixtures/i18n") == 0);
	CHECK_STR(i18n_get("es", "error.999"), "error.999");
	CHECK_STR(i18n_get("es", "nope.404"), "nope.404");
	CHECK_STR(i18n_get("es", "error"), "error");
	CHECK_STR(i18n_get("es", "count"), "count");
	CHECK_STR(i18n_get("es", "error.404.more"), "error.404.more");
	CHECK_STR(i18n_get("es", ""), "");
	CHECK_STR(i18n_get("es", "error."), "error.");
	CHECK_STR(i18n_get("es", ".error"), ".error");
	CHECK_STR(i18n_get("es", "error..404"), "error..404");
	memset(longkey, 'k', sizeof(longkey) - 1);
	longkey[sizeof(longkey) - 1] = '\0';
	CHECK_STR(i18n_get("es", longkey), longkey);
	i18n_free();
	return CHECK_DONE();
}
