/*
 * sess_random() gives n random bytes as unpadded base64url: the expected
 * length, only URL-safe characters, and a different value every time.
 */
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "sess.h"
#include "check.h"

static bool
urlsafe(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

int
main(void)
{
	struct arena	*a;
	const char	*t[200];
	size_t		 i, j, dups = 0, bad = 0;

	if (sodium_init() < 0)
		return 1;
	a = arena_new();
	CHECK(strlen(sess_random(a, 32)) == 43);
	CHECK(strlen(sess_random(a, 16)) == 22);
	CHECK(strlen(sess_random(a, 1)) == 2);
	CHECK(strlen(sess_random(a, 3)) == 4);
	CHECK(strlen(sess_random(a, 64)) == 86);
	/* More than 64 bytes is capped at 64. */
	CHECK(strlen(sess_random(a, 1000)) == 86);
	CHECK_STR(sess_random(a, 0), "");
	for (i = 0; i < 200; i++) {
		t[i] = sess_random(a, 32);
		if (strlen(t[i]) != 43 || !urlsafe(t[i]))
			bad++;
	}
	for (i = 0; i < 200; i++)
		for (j = i + 1; j < 200; j++)
			if (strcmp(t[i], t[j]) == 0)
				dups++;
	CHECK(bad == 0);
	CHECK(dups == 0);
	arena_free(a);
	return CHECK_DONE();
}
