/*
 * A catalog that is JSON but not an object makes i18n_load() fail.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK(i18n_load("tests/unit/fixtures/i18n-array") == -1);
	i18n_free();
	return CHECK_DONE();
}
