/*
 * Validators accept a NULL field as "no bounds".
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "valid.h"
#include "check.h"
#include "valid-why.h"

int
main(void)
{
	CHECK_STR(why(valid_text, NULL, S("anything at all")), "ok");
	CHECK_STR(why(valid_text, NULL, S("")), "ok");
	return CHECK_DONE();
}
