/*
 * Control characters, quotes and backslashes in a message are escaped, so
 * a logged value cannot start a line of its own or end the quoted msg.
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

	log_init("test", LOG_LEVEL_DEBUG);
	cap_begin();
	log_warnx("user %s",
	    "ana\nts=2020-01-01T00:00:00Z level=warn forged=1");
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(out[strlen(out) - 1] == '\n');
	CHECK(strstr(out, "msg=\"user ana\\x0ats=2020-01-01T00:00:00Z "
	    "level=warn forged=1\"\n") != NULL);

	cap_begin();
	log_info("%s", "a\rb\tc\x1b[31md\x7f" "e\"f\\g\x01");
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(strchr(out, '\r') == NULL && strchr(out, '\t') == NULL);
	CHECK(strchr(out, 0x1b) == NULL && strchr(out, 0x7f) == NULL);
	CHECK(strstr(out, "msg=\"a\\x0db\\x09c\\x1b[31md\\x7fe\\\"f"
	    "\\\\g\\x01\"\n") != NULL);
	/* UTF-8 text is kept as it is. */
	cap_begin();
	log_info("Ágora ñ");
	out = cap_end();
	CHECK(strstr(out, "msg=\"Ágora ñ\"") != NULL);
	return CHECK_DONE();
}
