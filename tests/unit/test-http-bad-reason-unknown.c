/* http_reason() answers "Unknown" for a status http.h does not list. */
#include "http.h"
#include "check.h"

int
main(void)
{
	CHECK_STR(http_reason((enum http_status)0), "Unknown");
	CHECK_STR(http_reason((enum http_status)100), "Unknown");
	CHECK_STR(http_reason((enum http_status)302), "Unknown");
	CHECK_STR(http_reason((enum http_status)418), "Unknown");
	CHECK_STR(http_reason((enum http_status)599), "Unknown");
	CHECK_STR(http_reason((enum http_status)-1), "Unknown");
	return CHECK_DONE();
}
