/*
 * tpl_set_load_dir fails on a missing directory, and on a template that
 * does not compile, naming it by its template name and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tpl.h"
#include "check.h"

int
main(void)
{
	struct tpl_set	*s;
	char		 root[] = "/tmp/test-tpl-bad-load-dir.XXXXXX";
	char		 err[256], dir[512], file[600];
	FILE		*f;

	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_load_dir(s, "/nonexistent/templates", err,
	    sizeof(err)) == -1);
	CHECK(strstr(err, "/nonexistent/templates") != NULL);

	CHECK(mkdtemp(root) != NULL);
	snprintf(dir, sizeof(dir), "%s/site", root);
	CHECK(mkdir(dir, 0700) == 0);
	snprintf(file, sizeof(file), "%s/bad.mustache", dir);
	if ((f = fopen(file, "w")) != NULL) {
		fputs("ok\n{{#open}}\n", f);
		fclose(f);
	}
	CHECK(tpl_set_load_dir(s, root, err, sizeof(err)) == -1);
	CHECK_STR(err, "site/bad:2: unclosed section \"open\"");
	CHECK(remove(file) == 0);
	CHECK(rmdir(dir) == 0);
	CHECK(rmdir(root) == 0);
	tpl_set_free(s);
	return CHECK_DONE();
}
