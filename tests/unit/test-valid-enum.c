/*
 * valid_enum accepts exactly one of the field's choices.
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
	static const char *const		 states[] =
	    { "draft", "published", "archived", NULL };
	static const struct field		 f =
	    { "state", NULL, 0, 0, states };

	CHECK_STR(why(valid_enum, &f, S("draft")), "ok");
	CHECK_STR(why(valid_enum, &f, S("published")), "ok");
	CHECK_STR(why(valid_enum, &f, S("archived")), "ok");
	return CHECK_DONE();
}
