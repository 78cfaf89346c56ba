/*
 * valid_enum accepts exactly one of the field's choices.
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
	    { "draft", "published", "archived", NULL };
	static const struct field		 f =
	    { "state", NULL, 0, 0, states };

	CHECK_STR(why(valid_enum, &f, S("draft")), "ok");
	CHECK_STR(why(valid_enum, &f, S("published")), "ok");
	CHECK_STR(why(valid_enum, &f, S("archived")), "ok");
	return CHECK_DONE();
}
