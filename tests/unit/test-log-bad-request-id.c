/*
 * A request id with spaces, quotes, control or non-ASCII bytes cannot
 * break the line: such bytes become "_", and an overlong id is cut.
 */
#include <errno.h>
#include <string.h>

#include "log.h"
#include "check.h"
#include "capture-stderr.h"

int
main(void)
{
	const char	*out;
	char		 longid[200];

	log_init("test", LOG_LEVEL_INFO);
	log_set_request_id("ab c\"d\ne\x7f\xc3\xa1");
	cap_begin();
	log_info("x");
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(strstr(out, " rid=ab_c_d_e___ func=main ") != NULL);

	memset(longid, 'f', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	log_set_request_id(longid);
	cap_begin();
	log_info("x");
	out = cap_end();
	CHECK(strstr(out, " rid=fffffffffffffffffffffffffffffffffffffffff"
	    "ffffffffffffffffffffff func=main ") != NULL);
	log_set_request_id("");
	cap_begin();
	log_info("x");
	out = cap_end();
	CHECK(strstr(out, "rid=") == NULL);
	return CHECK_DONE();
}
