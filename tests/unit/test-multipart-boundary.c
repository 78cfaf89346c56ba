/*
 * The boundary comes from the Content-Type, quoted or not, among other
 * parameters.
 */
#include "check.h"
#include "multipart.h"

int
main(void)
{
	char	 b[MP_BOUNDARY_MAX + 1];

	CHECK(mp_boundary("multipart/form-data; boundary=abc", b));
	CHECK_STR(b, "abc");
	CHECK(mp_boundary("Multipart/Form-Data;charset=utf-8; "
	    "boundary=\"a b'c\"", b));
	CHECK_STR(b, "a b'c");
	CHECK(mp_boundary("multipart/form-data; boundary=----WebKitFormBoundary"
	    "7MA4YWxkTrZu0gW", b));
	CHECK_STR(b, "----WebKitFormBoundary7MA4YWxkTrZu0gW");
	return CHECK_DONE();
}
