/*
 * No boundary, an empty one, one too long, one with characters RFC 2046
 * forbids, or another media type: refused.
 */
#include "check.h"
#include "multipart.h"

int
main(void)
{
	char	 b[MP_BOUNDARY_MAX + 1];

	CHECK(!mp_boundary("multipart/form-data", b));
	CHECK(!mp_boundary("multipart/form-data; boundary=", b));
	CHECK(!mp_boundary("multipart/form-data; boundary=\"\"", b));
	CHECK(!mp_boundary("multipart/form-data; boundary=\"abc", b));
	CHECK(!mp_boundary("multipart/form-data; boundary=a\r\nb", b));
	CHECK(!mp_boundary("multipart/form-data; boundary=a<b", b));
	CHECK(!mp_boundary("multipart/mixed; boundary=abc", b));
	CHECK(!mp_boundary("text/plain", b));
	CHECK(!mp_boundary(NULL, b));
	CHECK(!mp_boundary("multipart/form-data; boundary="
	    "12345678901234567890123456789012345678901234567890123456789012345678901",
	    b));
	CHECK(mp_new("", 4, NULL, NULL) == NULL);
	return CHECK_DONE();
}
