/*
 * Garbage after a delimiter, a header line without a colon, a folded
 * header, a disposition that is not form-data, an unterminated quote:
 * each is MP_BAD.
 */
#include "check.h"
#include "mp-collect.h"

static const char *const bodies[] = {
	"--bXX\r\n\r\nv\r\n--b--",
	"--b\r\nno colon here\r\n\r\nv\r\n--b--",
	"--b\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nv\r\n--b--",
	"--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--b--",
	"--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--b--",
	"--b\r\nContent-Disposition: form-data; name\r\n\r\nv\r\n--b--",
	"--b -\r\n\r\nv\r\n--b--",
	NULL,
};

int
main(void)
{
	struct mp_seen	 s;
	size_t		 i;

	for (i = 0; bodies[i] != NULL; i++) {
		if (mp_run("b", bodies[i], strlen(bodies[i]), 3, &s) != MP_BAD)
			fprintf(stderr, "body %zu not refused\n", i);
		CHECK(mp_run("b", bodies[i], strlen(bodies[i]), 3, &s) == MP_BAD);
		mp_seen_free(&s);
	}
	return CHECK_DONE();
}
