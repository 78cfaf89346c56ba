/*
 * sess_role() gives 0 (no role) for anything but the exact lower-case
 * role names.
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
	CHECK(sess_role(NULL) == 0);
	CHECK(sess_role("") == 0);
	CHECK(sess_role("ONG") == 0);
	CHECK(sess_role("Admin") == 0);
	CHECK(sess_role("admin ") == 0);
	CHECK(sess_role("adm") == 0);
	CHECK(sess_role("administrador") == 0);
	CHECK(sess_role("root") == 0);
	CHECK(sess_role("any") == 0);
	return CHECK_DONE();
}
