/*
 * A message far longer than any fixed buffer (here 100 kB with a newline
 * every 1000 bytes) is written whole, escaped, on one line.
 */
#include <errno.h>
#include <string.h>

#include "log.h"
#include "check.h"
#include "capture-stderr.h"

int
main(void)
{
	static char	 msg[100001];
	const char	*out, *m;
	size_t		 i;

	for (i = 0; i < sizeof(msg) - 1; i++)
		msg[i] = i % 1000 == 999 ? '\n' : (char)('a' + i % 26);
	msg[sizeof(msg) - 1] = '\0';
	log_init("test", LOG_LEVEL_INFO);
	cap_begin();
	log_info("%s", msg);
	out = cap_end();
	CHECK(count(out, '\n') == 1);
	CHECK(out[strlen(out) - 1] == '\n');
	/* Each of the 100 newlines became the four bytes "\x0a". */
	m = strstr(out, "msg=\"");
	CHECK(m != NULL);
	if (m != NULL)
		CHECK(strlen(m) == 5 + 100000 + 300 + 2);
	return CHECK_DONE();
}
