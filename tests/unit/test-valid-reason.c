/*
 * A validator leaves *reason alone on success and takes a NULL reason
 * pointer.
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
	const char	*r;

	r = "untouched";
	CHECK(valid_int(NULL, "12", 2, &r));
	CHECK_STR(r, "untouched");
	CHECK(valid_text(NULL, "x", 1, &r));
	CHECK_STR(r, "untouched");
	CHECK(!valid_int(NULL, "x", 1, NULL));
	CHECK(!valid_date(NULL, "x", 1, NULL));
	CHECK(!valid_email(NULL, "x", 1, NULL));
	CHECK(valid_bool(NULL, "on", 2, NULL));
	CHECK(!valid_int(NULL, "x", 1, &r));
	CHECK_STR(r, "valid.not_integer");
	CHECK_STR(why(valid_bool, NULL, "on", 2), "ok");
	return CHECK_DONE();
}
