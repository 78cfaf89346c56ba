/*
 * valid_email accepts ordinary and international addresses.
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
