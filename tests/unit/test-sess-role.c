/*
 * sess_role() maps each account role name to its ROLE_* bit.
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
	CHECK(sess_role("admin") == ROLE_ADMIN);
	CHECK(sess_role("ong") == ROLE_ONG);
	CHECK(sess_role("empresa") == ROLE_EMPRESA);
	CHECK(sess_role("externo") == ROLE_EXTERNO);
	CHECK(sess_role("cliente") == ROLE_CLIENTE);
	CHECK(sess_role("profesional") == ROLE_PROFESIONAL);
	CHECK((sess_role("admin") | sess_role("ong") | sess_role("empresa") |
	    sess_role("externo") | sess_role("cliente") |
	    sess_role("profesional")) == ROLE_USER);
	return CHECK_DONE();
}
