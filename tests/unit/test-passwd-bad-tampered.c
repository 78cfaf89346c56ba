/*
 * A hash altered anywhere (digest, salt, parameters, version, or cut
 * short) verifies nothing.
 */
#include <stdio.h>
#include <string.h>

#include "passwd-setup.h"

int
main(void)
{
	char		 h[PASSWD_HASH_MAX], t[PASSWD_HASH_MAX];
	const char	*pw = "el gato de la esquina";
	char		*last;
	size_t		 n;

	pw_setup();
	CHECK(passwd_hash(pw, h) == 0);
	n = strlen(h);

	/* A character of the digest (the last one holds padding bits). */
	memcpy(t, h, n + 1);
	t[n - 2] = t[n - 2] == 'A' ? 'B' : 'A';
	CHECK(!passwd_verify(t, pw));

	/* The salt's first character. */
	memcpy(t, h, n + 1);
	last = strrchr(t, '$');
	CHECK(last != NULL);
	t[31] = t[31] == 'A' ? 'B' : 'A';
	CHECK(!passwd_verify(t, pw));

	/* The parameters. */
	memcpy(t, h, n + 1);
	t[21] = '5';	/* m=19456 -> m=19455 */
	CHECK(!passwd_verify(t, pw));
	memcpy(t, h, n + 1);
	t[25] = '3';	/* t=2 -> t=3 */
	CHECK(!passwd_verify(t, pw));

	/* The version. */
	memcpy(t, h, n + 1);
	t[13] = '6';	/* v=19 -> v=16 */
	CHECK(!passwd_verify(t, pw));

	/* Cut short, and with a digest of another password. */
	memcpy(t, h, n + 1);
	t[n - 5] = '\0';
	CHECK(!passwd_verify(t, pw));
	memcpy(t, h, n + 1);
	*last = '\0';
	CHECK(!passwd_verify(t, pw));
	CHECK(passwd_verify(h, pw));
	pw_teardown();
	return CHECK_DONE();
}
