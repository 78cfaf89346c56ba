/*
 * valid_date accepts real YYYY-MM-DD dates, leap days included.
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

	CHECK_STR(why(valid_date, NULL, S("2024-02-29")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2000-02-29")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2023-02-28")), "ok");
	CHECK_STR(why(valid_date, NULL, S("0001-01-01")), "ok");
	CHECK_STR(why(valid_date, NULL, S("9999-12-31")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2023-01-31")), "ok");
	CHECK_STR(why(valid_date, NULL, S("2023-04-30")), "ok");
	CHECK_STR(why(valid_date, NULL, S("1600-02-29")), "ok");
	return CHECK_DONE();
}
