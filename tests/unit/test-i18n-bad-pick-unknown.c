/*
 * Languages we do not have are skipped wherever they come from, so the
 * next source decides; a three-letter tag is not its two-letter prefix.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK_STR(i18n_pick("fr", NULL, NULL), "es");
	CHECK_STR(i18n_pick("fr", "en", NULL), "en");
	CHECK_STR(i18n_pick("de", "it", "en"), "en");
	CHECK_STR(i18n_pick("", "", ""), "es");
	CHECK_STR(i18n_pick("en-US", NULL, NULL), "es");
	CHECK_STR(i18n_pick("eng", NULL, NULL), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "eng"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "enx,fr"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "fr, de;q=0.5, *;q=0.1"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "e"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, ","), "es");
	CHECK(!i18n_known("fr"));
	CHECK(!i18n_known(""));
	CHECK(!i18n_known(NULL));
	CHECK(!i18n_known("en-US"));
	return CHECK_DONE();
}
