/*
 * An address of 254 bytes is accepted; 255 is valid.too_long.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "valid.h"
#include "check.h"
#include "valid-why.h"

int
main(void)
{
	char	 s[300];

	memset(s, 'a', sizeof(s));
	memcpy(s + 240, "@example.org", 12);	/* 252 bytes */
	s[252] = 'x';
	s[253] = 'y';
	CHECK_STR(why(valid_email, NULL, s, 254), "ok");
	memmove(s + 1, s, 254);
	CHECK_STR(why(valid_email, NULL, s, 255), "valid.too_long");
	CHECK_STR(why(valid_email, NULL, s, sizeof(s)), "valid.too_long");
	return CHECK_DONE();
}
