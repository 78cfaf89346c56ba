/*
 * A body whose type is neither urlencoded nor JSON, or has no type, is a
 * 415; a type that only starts like a known one does not pass.
 */
#include <stddef.h>
#include <string.h>

#include "req.h"
#include "check.h"
#include "fake-env.h"

static enum http_status
post_as(const char *ctype)
{
	enum http_status	 st;
	const char		*detail;
	char			 ct[200];
	const char		*const env[] = {
		"REQUEST_METHOD=POST", "REQUEST_URI=/events", ct, NULL
	};

	snprintf(ct, sizeof(ct), "%s=%s", ctype ? "CONTENT_TYPE" : "X",
	    ctype ? ctype : "");
	st = parse_env(env, "a=1", 3, &detail);
	if (st == HTTP_UNSUPPORTED_MEDIA_TYPE)
		CHECK_STR(detail, "error_detail.415");
	return st;
}

int
main(void)
{
	CHECK(post_as("text/plain") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("multipart/form-data; boundary=x") ==
	    HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("application/x-www-form-urlencodedx") ==
	    HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("application/jsonp") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("application/xml") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as("") == HTTP_UNSUPPORTED_MEDIA_TYPE);
	CHECK(post_as(NULL) == HTTP_UNSUPPORTED_MEDIA_TYPE);
	/* Case does not matter, parameters are allowed. */
	CHECK(post_as("Application/X-WWW-Form-Urlencoded;charset=utf-8") ==
	    HTTP_OK);
	return CHECK_DONE();
}
