/*
 * The memo keeps a value under its key and version: served while the
 * version asked for is the one kept and its time has not come, dropped
 * otherwise; the least recently served entry makes room; a key kept
 * again is replaced, not doubled.
 */
#include <stdio.h>
#include <time.h>

#include "check.h"
#include "memo.h"

int
main(void)
{
	char	 key[32];
	json_t	*v;
	int	 i;

	CHECK(memo_get("a", 1) == NULL);
	memo_put("a", 1, 0, json_string("one"));
	CHECK_STR(json_string_value(memo_get("a", 1)), "one");
	/* Another version drops it, even when asked for the old one again. */
	CHECK(memo_get("a", 2) == NULL);
	CHECK(memo_get("a", 1) == NULL);

	/* Replaced under the same key. */
	memo_put("b", 5, 0, json_string("first"));
	memo_put("b", 6, 0, json_string("second"));
	CHECK_STR(json_string_value(memo_get("b", 6)), "second");
	CHECK(memo_get("b", 5) == NULL);

	/* Past its time, whatever the version. */
	memo_put("c", 1, time(NULL) - 1, json_string("stale"));
	CHECK(memo_get("c", 1) == NULL);
	memo_put("c", 1, time(NULL) + 3600, json_string("fresh"));
	CHECK_STR(json_string_value(memo_get("c", 1)), "fresh");

	/* A failed allocation keeps nothing. */
	memo_put("d", 1, 0, NULL);
	CHECK(memo_get("d", 1) == NULL);

	/* Full: "c", served last, stays; "k0", never served again, goes. */
	memo_clear();
	for (i = 0; i < MEMO_SLOTS; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		memo_put(key, 1, 0, json_integer(i));
		if (i == 0)
			memo_put("c", 1, 0, json_string("kept"));
	}
	CHECK(memo_get("c", 1) != NULL);
	memo_put("new", 1, 0, json_string("room made"));
	CHECK(memo_get("k0", 1) == NULL);
	CHECK(memo_get("k1", 1) == NULL);
	CHECK(memo_get("c", 1) != NULL);
	CHECK((v = memo_get("new", 1)) != NULL);
	CHECK_STR(json_string_value(v), "room made");
	snprintf(key, sizeof(key), "k%d", MEMO_SLOTS - 1);
	CHECK(json_integer_value(memo_get(key, 1)) == MEMO_SLOTS - 1);
	memo_clear();
	CHECK(memo_get("c", 1) == NULL);
	return CHECK_DONE();
}
