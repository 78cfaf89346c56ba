/*
 * check.h: the assertions every unit test uses.  A test is one binary; it
 * exits 0 when every CHECK held and 1 otherwise, naming each failure.
 */
#ifndef AGORA_CHECK_H
#define AGORA_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: CHECK failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
		check_failures++;					\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp(g_, w_) != 0) {	\
		fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n",	\
		    __FILE__, __LINE__, g_ ? g_ : "(null)",		\
		    w_ ? w_ : "(null)");				\
		check_failures++;					\
	}								\
} while (0)

#define CHECK_DONE() (check_failures == 0 ? 0 : 1)

#endif
