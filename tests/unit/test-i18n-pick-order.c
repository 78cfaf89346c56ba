/*
 * i18n_pick() takes ?lang= first, then the cookie, then Accept-Language,
 * then Spanish; names are matched without regard to case.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK_STR(i18n_pick("en", "es", "es"), "en");
	CHECK_STR(i18n_pick("es", "en", "en"), "es");
	CHECK_STR(i18n_pick(NULL, "en", "es"), "en");
	CHECK_STR(i18n_pick(NULL, "es", "en"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "en"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, NULL), "es");
	CHECK_STR(i18n_pick("EN", NULL, NULL), "en");
	CHECK_STR(i18n_pick(NULL, "En", NULL), "en");
	CHECK(i18n_known("es"));
	CHECK(i18n_known("en"));
	CHECK(i18n_known("EN"));
	/* No catalog is needed to choose. */
	CHECK(i18n_catalog("en") == NULL);
	return CHECK_DONE();
}
