/*
 * Addresses without one '@', a local part or a dotted domain, or with
 * spaces or controls, are valid.bad_email.
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

	CHECK_STR(why(valid_email, NULL, S("")), "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana")), "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("@example.org")), "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@")), "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@localhost")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("a@b@example.org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana @example.org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@exa mple.org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@example.org\n")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana\t@example.org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@.example.org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@example.org.")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@example..org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana\x7f@example.org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana\xc2\x85@example.org")),
	    "valid.bad_email");
	CHECK_STR(why(valid_email, NULL, S("ana@example.org\xff")),
	    "valid.bad_utf8");
	CHECK_STR(why(valid_email, NULL, "an\0a@example.org", 15),
	    "valid.bad_utf8");
	return CHECK_DONE();
}
