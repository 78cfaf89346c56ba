/*
 * Values not in the list, prefixes, other cases and a field without
 * choices are valid.not_in_list.
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
	    { "draft", "published", NULL };
	static const struct field		 f =
	    { "state", NULL, 0, 0, states };
	static const struct field		 none =
	    { "x", NULL, 0, 0, NULL };

	CHECK_STR(why(valid_enum, &none, "draft", 5), "valid.not_in_list");
	CHECK_STR(why(valid_enum, NULL, "draft", 5), "valid.not_in_list");
	CHECK_STR(why(valid_enum, &f, S("Draft")), "valid.not_in_list");
	CHECK_STR(why(valid_enum, &f, S("draf")), "valid.not_in_list");
	CHECK_STR(why(valid_enum, &f, S("drafts")), "valid.not_in_list");
	CHECK_STR(why(valid_enum, &f, S("")), "valid.not_in_list");
	CHECK_STR(why(valid_enum, &f, S(" draft")), "valid.not_in_list");
	CHECK_STR(why(valid_enum, &f, "draft\0", 6), "valid.not_in_list");
	CHECK_STR(why(valid_enum, &f, "draft", 4), "valid.not_in_list");
	return CHECK_DONE();
}
