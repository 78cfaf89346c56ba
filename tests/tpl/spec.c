/*
 * spec: runs the mustache specification's JSON test files against
 * lib/tpl.c in TPL_SPEC mode.
 *
 *	spec FILE.json...
 *
 * Prints "ok - tpl/<file>/<test>" or "FAIL - tpl/<file>/<test>" (with the
 * expected and actual output below it) for every test, and exits 0 only
 * when all of them passed.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tpl.h"

#define MAIN_NAME	"(template)"

/* Prints s with newlines, tabs and quotes visible, on one line. */
static void
show(const char *label, const char *s, size_t n)
{
	size_t	 i;

	printf("    %s: \"", label);
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\r':
			fputs("\\r", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		case '"':
			fputs("\\\"", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		default:
			putchar(s[i]);
			break;
		}
	}
	fputs("\"\n", stdout);
}

/* Runs one test; returns true when it passed. */
static bool
run_test(const char *stem, json_t *test)
{
	struct tpl_set	*set;
	struct buf	 out;
	json_t		*partials, *v, *tmpl, *want;
	const char	*name, *pname;
	char		 err[512];
	bool		 ok = false;

	name = json_string_value(json_object_get(test, "name"));
	tmpl = json_object_get(test, "template");
	want = json_object_get(test, "expected");
	partials = json_object_get(test, "partials");
	err[0] = '\0';
	buf_init(&out);
	set = tpl_set_new(TPL_SPEC);
	if (name == NULL || !json_is_string(tmpl) || !json_is_string(want)) {
		snprintf(err, sizeof(err), "malformed test");
		goto out;
	}
	json_object_foreach(partials, pname, v) {
		if (!json_is_string(v) || tpl_set_add(set, pname,
		    json_string_value(v), json_string_length(v), err,
		    sizeof(err)) == -1)
			goto out;
	}
	if (tpl_set_add(set, MAIN_NAME, json_string_value(tmpl),
	    json_string_length(tmpl), err, sizeof(err)) == -1)
		goto out;
	if (tpl_set_link(set, err, sizeof(err)) == -1)
		goto out;
	if (tpl_render(set, MAIN_NAME, json_object_get(test, "data"), &out,
	    err, sizeof(err)) == -1)
		goto out;
	ok = out.len == json_string_length(want) &&
	    memcmp(buf_str(&out), json_string_value(want), out.len) == 0;
out:
	printf("%s - tpl/%s/%s\n", ok ? "ok" : "FAIL", stem,
	    name != NULL ? name : "?");
	if (!ok) {
		if (json_is_string(want))
			show("expected", json_string_value(want),
			    json_string_length(want));
		show("got", buf_str(&out), out.len);
		if (err[0] != '\0')
			printf("    error: %s\n", err);
	}
	tpl_set_free(set);
	buf_free(&out);
	return ok;
}

int
main(int argc, char *argv[])
{
	json_t		*root, *tests;
	json_error_t	 jerr;
	const char	*base, *dot;
	char		 stem[256];
	size_t		 i, pass = 0, fail = 0;
	int		 a;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE.json...\n", argv[0]);
		return 2;
	}
	for (a = 1; a < argc; a++) {
		base = strrchr(argv[a], '/');
		base = base != NULL ? base + 1 : argv[a];
		dot = strrchr(base, '.');
		snprintf(stem, sizeof(stem), "%.*s",
		    (int)(dot != NULL ? (size_t)(dot - base) : strlen(base)),
		    base);
		if ((root = json_load_file(argv[a], 0, &jerr)) == NULL) {
			printf("FAIL - tpl/%s/(load)\n    error: %s:%d: %s\n",
			    stem, argv[a], jerr.line, jerr.text);
			fail++;
			continue;
		}
		tests = json_object_get(root, "tests");
		for (i = 0; i < json_array_size(tests); i++) {
			if (run_test(stem, json_array_get(tests, i)))
				pass++;
			else
				fail++;
		}
		json_decref(root);
	}
	fprintf(stderr, "spec: %zu passed, %zu failed\n", pass, fail);
	return fail == 0 && pass > 0 ? 0 : 1;
}
