/*
 * Accept-Language allows spaces around the ";" before "q=" (RFC 9110
 * section 12.4.2: weight = OWS ";" OWS "q=" qvalue), so "en; q=0.1" is
 * a weak English, not a q=1 one.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK_STR(i18n_pick(NULL, NULL, "es;q=0.9, en; q=0.1"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "es;q=0.9, en ;q=0.1"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "es;q=0.9,en ; q=0.1"), "es");
	CHECK_STR(i18n_pick(NULL, NULL, "en; q=0"), "es");
	return CHECK_DONE();
}
