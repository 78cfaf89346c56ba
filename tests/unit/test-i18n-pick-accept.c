/*
 * Accept-Language picks the language of ours with the highest q-value,
 * matching region tags ("en-US") by their language; on a tie the first
 * listed wins.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK_STR(i18n_pick(NULL, NULL, "en"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, "en-US"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, "en-GB,en;q=0.9"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, "es;q=0.5,en;q=0.8"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, "en;q=0.5,es;q=0.8"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "fr-FR,fr;q=0.9,en;q=0.7,es;q=0.3"),
	    "en");
	CHECK_STR(i18n_pick(NULL, NULL, "en, es"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, "es, en"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "de, en;q=0.1"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, "EN-us"), "en");
	CHECK_STR(i18n_pick(NULL, NULL, "es-419,en;q=0.9"), "es");
	return CHECK_DONE();
}
