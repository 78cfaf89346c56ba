/*
 * Endless partial, parent or block recursion fails the render once
 * expansions nest 64 deep, never overflowing the stack.
 */
#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"

static void
loop(const char *name, const char *src, const char *other,
    const char *osrc)
{
	struct tpl_set	*s;
	struct buf	 out;
	char		 err[256];

	buf_init(&out);
	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_add(s, name, src, strlen(src), err, sizeof(err)) == 0);
	if (other != NULL)
		CHECK(tpl_set_add(s, other, osrc, strlen(osrc), err,
		    sizeof(err)) == 0);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	err[0] = '\0';
	CHECK(tpl_render(s, name, NULL, &out, err, sizeof(err)) == -1);
	CHECK(strstr(err, "more than 64 deep") != NULL);
	CHECK(out.len == 0);
	tpl_set_free(s);
	buf_free(&out);
}

int
main(void)
{
	loop("self", "x{{>self}}", NULL, NULL);
	loop("a", "{{>b}}", "b", "{{<a}}{{/a}}");
	loop("page", "{{<p}}{{$a}}{{$a}}{{/a}}{{/a}}{{/p}}", "p",
	    "{{$a}}{{/a}}");
	return CHECK_DONE();
}
