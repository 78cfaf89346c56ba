/*
 * A bound of 0 is still a bound once the other is set: [0, 100] refuses
 * -1.
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
	static const struct field	 f = { "pct", NULL, 0, 100, NULL };

	CHECK_STR(why(valid_int, &f, S("0")), "ok");
	CHECK_STR(why(valid_int, &f, S("100")), "ok");
	CHECK_STR(why(valid_int, &f, S("-1")), "valid.out_of_range");
	CHECK_STR(why(valid_int, &f, S("101")), "valid.out_of_range");
	return CHECK_DONE();
}
