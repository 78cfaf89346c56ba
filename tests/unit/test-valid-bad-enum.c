/*
 * Values not in the list, prefixes, other cases and a field without
 * choices are valid.not_in_list.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"

/* A string literal and its length, embedded NULs included. */
#define S(lit)	(lit), (sizeof(lit) - 1)

/* "ok", or the reason fn gave for refusing s. */
static const char *
why(valid_fn fn, const struct field *f, const char *s, size_t len)
{
	const char	*reason = "(unset)";

	if (fn(f, s, len, &reason))
		return strcmp(reason, "(unset)") == 0 ? "ok" : "(reason set)";
	return reason;
}

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
