/*
 * Device tokens as push services hand them out are valid tokens.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "valid.h"
#include "check.h"
#include "valid-why.h"

int
main(void)
{
	static const struct field f = { "token", valid_token, 1, 255, NULL };

	CHECK_STR(why(valid_token, &f, S("fcm:APA91bH-x_y.z")), "ok");
	CHECK_STR(why(valid_token, &f, S("0123456789abcdef")), "ok");
	CHECK_STR(why(valid_token, NULL, S("a")), "ok");
	CHECK_STR(why(valid_token, &f, S("a-b")), "ok");
	return CHECK_DONE();
}
