/*
 * RFC 9110 section 8.6: no Content-Length in a 204, and in a 304 only the
 * length the 200 would have had.  A "Content-Length: 0" on a 304 claims
 * the page is empty to a cache refreshing its stored headers.
 */
#include <stdio.h>
#include <string.h>

#include "fake-resp.h"

int
main(void)
{
	static const char *const del[] = {
		"REQUEST_METHOD=DELETE",
		"REQUEST_URI=/api/v1/events/3",
		"DOCUMENT_URI=/api/v1/events/3",
		NULL
	};
	static const char *const get[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/api/v1/events/3",
		"DOCUMENT_URI=/api/v1/events/3",
		"HTTP_IF_NONE_MATCH=*",
		NULL
	};
	struct rt	 t;
	const char	*len;

	rt_init();
	rt_begin(&t, del, NULL);
	CHECK(rt_build(&t, HTTP_NO_CONTENT) == 204);
	CHECK_STR(rt_body(&t), "");
	CHECK(rt_header(&t, "Content-Type") == NULL);
	CHECK(rt_header(&t, "Content-Length") == NULL);
	rt_end(&t);

	rt_begin(&t, get, NULL);
	json_object_set_new(t.m, "id", json_integer(3));
	CHECK(rt_build(&t, HTTP_OK) == 304);
	CHECK_STR(rt_body(&t), "");
	len = rt_header(&t, "Content-Length");
	CHECK(len == NULL || strcmp(len, "8") == 0);	/* {"id":3} */
	rt_end(&t);
	resp_free();
	return CHECK_DONE();
}
