/*
 * sess_hash() is the lower-case hex SHA-256 of the token (the FIPS 180-2
 * test vectors), 64 characters and a NUL.
 */
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "sess.h"
#include "check.h"

int
main(void)
{
	char	 out[65];

	if (sodium_init() < 0)
		return 1;
	memset(out, 'X', sizeof(out));
	sess_hash("abc", out);
	CHECK_STR(out,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sess_hash("", out);
	CHECK_STR(out,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sess_hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    out);
	CHECK_STR(out,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	CHECK(strlen(out) == 64);
	return CHECK_DONE();
}
