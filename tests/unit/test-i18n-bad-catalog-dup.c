/*
 * A catalog naming a key twice makes i18n_load() fail: which translation
 * shows would otherwise depend on the parser.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "check.h"

int
main(void)
{
	CHECK(i18n_load("tests/unit/fixtures/i18n-dup") == -1);
	i18n_free();
	return CHECK_DONE();
}
