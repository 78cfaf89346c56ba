/*
 * resp_init() refuses a template directory without a layout or an error
 * page, or one that does not exist, and resp_free() cleans up after the
 * refusal.
 */
#include "capture-stderr.h"
#include "resp.h"
#include "check.h"

int
main(void)
{
	const char	*log;

	cap_begin();
	CHECK(resp_init("tests/unit/fixtures/tpl-nolayout", true) == -1);
	log = cap_end();
	CHECK(strstr(log, "no layout or error page") != NULL);
	CHECK(!resp_has_template("layout"));
	resp_free();
	CHECK(!resp_has_template("error"));

	cap_begin();
	CHECK(resp_init("tests/unit/fixtures/no-such-dir", false) == -1);
	cap_end();
	resp_free();

	/* A good directory after a refusal still loads. */
	CHECK(resp_init("tests/unit/fixtures/tpl", true) == 0);
	CHECK(resp_has_template("layout"));
	resp_free();
	CHECK(!resp_has_template("layout"));
	return CHECK_DONE();
}
