/*
 * http_reason() has the RFC 9110 reason phrase for every status in
 * http.h, and "Unknown" for any other number.
 */
#include "http.h"
#include "check.h"

int
main(void)
{
	CHECK_STR(http_reason(HTTP_OK), "OK");
	CHECK_STR(http_reason(HTTP_CREATED), "Created");
	CHECK_STR(http_reason(HTTP_NO_CONTENT), "No Content");
	CHECK_STR(http_reason(HTTP_SEE_OTHER), "See Other");
	CHECK_STR(http_reason(HTTP_NOT_MODIFIED), "Not Modified");
	CHECK_STR(http_reason(HTTP_BAD_REQUEST), "Bad Request");
	CHECK_STR(http_reason(HTTP_UNAUTHORIZED), "Unauthorized");
	CHECK_STR(http_reason(HTTP_FORBIDDEN), "Forbidden");
	CHECK_STR(http_reason(HTTP_NOT_FOUND), "Not Found");
	CHECK_STR(http_reason(HTTP_METHOD_NOT_ALLOWED), "Method Not Allowed");
	CHECK_STR(http_reason(HTTP_CONFLICT), "Conflict");
	CHECK_STR(http_reason(HTTP_PAYLOAD_TOO_LARGE), "Content Too Large");
	CHECK_STR(http_reason(HTTP_URI_TOO_LONG), "URI Too Long");
	CHECK_STR(http_reason(HTTP_UNSUPPORTED_MEDIA_TYPE),
	    "Unsupported Media Type");
	CHECK_STR(http_reason(HTTP_UNPROCESSABLE), "Unprocessable Content");
	CHECK_STR(http_reason(HTTP_TOO_MANY_REQUESTS), "Too Many Requests");
	CHECK_STR(http_reason(HTTP_INTERNAL_ERROR), "Internal Server Error");
	CHECK_STR(http_reason(HTTP_UNAVAILABLE), "Service Unavailable");
	return CHECK_DONE();
}
