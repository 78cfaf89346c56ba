/*
 * valid_bool accepts true false 1 0 on off yes no in any case.
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

	CHECK_STR(why(valid_bool, NULL, S("true")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("false")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("1")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("0")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("on")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("off")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("yes")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("no")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("TRUE")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("Off")), "ok");
	CHECK_STR(why(valid_bool, NULL, S("yEs")), "ok");
	return CHECK_DONE();
}
