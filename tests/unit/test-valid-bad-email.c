/*
 * Addresses without one '@', a local part or a dotted domain, or with
 * spaces or controls, are valid.bad_email.
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
