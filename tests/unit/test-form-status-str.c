/*
 * form_status_str names every status with a distinct English message.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "check.h"

int
main(void)
{
	const char	*m[5];
	int		 i, j;

	m[0] = form_status_str(FORM_OK);
	m[1] = form_status_str(FORM_TOO_MANY);
	m[2] = form_status_str(FORM_TOO_LONG);
	m[3] = form_status_str(FORM_BAD_ENCODING);
	m[4] = form_status_str(FORM_BAD_UTF8);
	for (i = 0; i < 5; i++) {
		CHECK(m[i] != NULL && m[i][0] != '\0');
		for (j = 0; j < i; j++)
			CHECK(strcmp(m[i], m[j]) != 0);
	}
	CHECK(form_status_str((enum form_status)99) != NULL);
	return CHECK_DONE();
}
