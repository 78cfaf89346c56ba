/*
 * valid_email accepts ordinary and international addresses.
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

	CHECK_STR(why(valid_email, NULL, S("ana@example.org")), "ok");
	CHECK_STR(why(valid_email, NULL, S("a.b+tag@mail.example.co")), "ok");
	CHECK_STR(why(valid_email, NULL, S("x@y.z")), "ok");
	CHECK_STR(why(valid_email, NULL,
	    S("jos\xc3\xa9@correo.espa\xc3\xb1" "a.es")),
	    "ok");
	CHECK_STR(why(valid_email, NULL, S("o'neil@example.ie")), "ok");
	CHECK_STR(why(valid_email, NULL, S("user@sub.domain.example")), "ok");
	return CHECK_DONE();
}
