/*
 * A language given q=0 in Accept-Language is "not acceptable" and never
 * picked; a q-value that is not a number counts as 0.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK_STR(i18n_pick(NULL, NULL, "en;q=0"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "en;q=0.0, fr"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "en;q=0.000"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "en;q=abc"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "es;q=0, en;q=0"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "es;q=0, en;q=0.1"), "en");
	return CHECK_DONE();
}
