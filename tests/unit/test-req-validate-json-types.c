/*
 * JSON numbers and booleans reach validators as their text; null counts
 * as absent.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "check.h"
#include "fake-env.h"

enum { F_SEATS, F_PRICE, F_ON, F_OFF, F_GONE, F_NEG, F__MAX };
static const struct field fields[F__MAX] = {
	{ "seats", valid_int, 0, 0, NULL },	/* F_SEATS */
	{ "price", NULL, 0, 0, NULL },		/* F_PRICE */
	{ "on", valid_bool, 0, 0, NULL },	/* F_ON */
	{ "off", valid_bool, 0, 0, NULL },	/* F_OFF */
	{ "gone", valid_text, 0, 0, NULL },	/* F_GONE */
	{ "neg", valid_int, 0, 0, NULL },	/* F_NEG */
};

int
main(void)
{
	static const char body[] = "{\"seats\": 40, \"price\": 2.5, "
	    "\"on\": true, \"off\": false, \"gone\": null, "
	    "\"neg\": -9223372036854775808}";
	struct arena	*a;
	struct req	 r;
	long long	 n;
	const char	*const env[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/api/v1/x",
		"CONTENT_TYPE=application/json",
		NULL
	};

	a = arena_new();
	CHECK(req_parse(&r, a, envp(a, env), body, sizeof(body) - 1, &lim) ==
	    HTTP_OK);
	req_validate(&r, fields, F__MAX);
	CHECK(!r.has_invalid);
	CHECK_STR(req_value(&r, F_SEATS), "40");
	CHECK(req_int(&r, F_SEATS, &n) && n == 40);
	CHECK_STR(req_value(&r, F_PRICE), "2.5");
	CHECK_STR(req_value(&r, F_ON), "true");
	CHECK(req_bool(&r, F_ON, false) == true);
	CHECK_STR(req_value(&r, F_OFF), "false");
	CHECK(req_bool(&r, F_OFF, true) == false);
	CHECK(req_value(&r, F_GONE) == NULL);
	CHECK(r.invalid[F_GONE] == NULL);
	CHECK_STR(req_value(&r, F_NEG), "-9223372036854775808");
	req_done(&r);
	arena_free(a);
	return CHECK_DONE();
}
