/*
 * valid_uint accepts digits only, up to INT64_MAX, within bounds when set.
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
	static const struct field	 f = { "n", NULL, 0, 0, NULL };

	CHECK_STR(why(valid_uint, &f, S("0")), "ok");
	CHECK_STR(why(valid_uint, &f, S("1")), "ok");
	CHECK_STR(why(valid_uint, &f, S("0012")), "ok");
	CHECK_STR(why(valid_uint, &f, S("9223372036854775807")), "ok");
	return CHECK_DONE();
}
