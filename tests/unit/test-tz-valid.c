/*
 * tz_valid() accepts the database's zone names, with the characters
 * IANA names use ('_', '-', '+').
 */
#include "check.h"
#include "tz.h"

int
main(void)
{
	CHECK(tz_valid("Europe/Madrid"));
	CHECK(tz_valid("Atlantic/Canary"));
	CHECK(tz_valid("America/Argentina/Buenos_Aires"));
	CHECK(tz_valid("America/Port-au-Prince"));
	CHECK(tz_valid("Etc/GMT+5"));
	CHECK(tz_valid("UTC"));
	return CHECK_DONE();
}
