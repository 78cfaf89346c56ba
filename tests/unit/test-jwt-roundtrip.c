/*
 * A token from jwt_sign() verifies with the same key and gives back the
 * claims; its header names HS256 and it is base64url without padding.
 */
#include <sodium.h>
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "jwt.h"
#include "check.h"
#include "fake-jwt.h"

int
main(void)
{
	struct buf	 t;
	json_t		*c = NULL, *h;
	unsigned char	 raw[256];
	size_t		 rawlen;
	const char	*dot;

	if (sodium_init() < 0)
		return 1;
	buf_init(&t);
	make(&t, NOW - 10, NOW + 3600);
	CHECK(strchr(t.data, '=') == NULL);
	CHECK(strchr(t.data, '+') == NULL && strchr(t.data, '/') == NULL);
	CHECK(jwt_verify(t.data, key, KEYLEN, NOW, &c) == 0);
	CHECK(json_is_object(c));
	CHECK(json_integer_value(json_object_get(c, "sub")) == 7);
	CHECK_STR(json_string_value(json_object_get(c, "role")), "ong");
	json_decref(c);

	dot = strchr(t.data, '.');
	CHECK(dot != NULL);
	if (dot != NULL && sodium_base642bin(raw, sizeof(raw) - 1, t.data,
	    (size_t)(dot - t.data), NULL, &rawlen, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0) {
		raw[rawlen] = '\0';
		h = json_loads((const char *)raw, 0, NULL);
		CHECK_STR(json_string_value(json_object_get(h, "alg")),
		    "HS256");
		json_decref(h);
	} else
		CHECK(0);

	/* jwt_sign() appends: what was in the buffer stays. */
	buf_reset(&t);
	buf_puts(&t, "Bearer ");
	make(&t, NOW, NOW + 1);
	CHECK(strncmp(t.data, "Bearer ey", 9) == 0);
	CHECK(jwt_verify(t.data + 7, key, KEYLEN, NOW, &c) == 0);
	json_decref(c);
	buf_free(&t);
	return CHECK_DONE();
}
