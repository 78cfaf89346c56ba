/*
 * tpl_set_load_dir names every *.mustache file by its path relative to
 * the directory, without the extension; other files and dot files are
 * left out.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"

static char	 root[] = "/tmp/test-tpl-load-dir.XXXXXX";

static void
put(const char *rel, const char *text)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if ((f = fopen(path, "w")) == NULL) {
		CHECK(f != NULL);
		return;
	}
	fputs(text, f);
	fclose(f);
}

static void
rm(const char *rel)
{
	char	 path[512];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (remove(path) == -1)
		CHECK(!"remove failed");
}

int
main(void)
{
	struct tpl_set	*s;
	struct buf	 out;
	char		 err[256], path[512];

	buf_init(&out);
	CHECK(mkdtemp(root) != NULL);
	snprintf(path, sizeof(path), "%s/site", root);
	CHECK(mkdir(path, 0700) == 0);
	snprintf(path, sizeof(path), "%s/partials", root);
	CHECK(mkdir(path, 0700) == 0);
	put("layout.mustache", "<{{$body}}{{/body}}>");
	put("site/home.mustache", "{{<layout}}{{$body}}{{>partials/nav}}"
	    "{{/body}}{{/layout}}");
	put("partials/nav.mustache", "nav");
	put("notes.txt", "{{#not a template");
	put(".hidden.mustache", "{{#broken");

	s = tpl_set_new(TPL_STRICT);
	CHECK(tpl_set_load_dir(s, root, err, sizeof(err)) == 0);
	CHECK(tpl_set_has(s, "layout"));
	CHECK(tpl_set_has(s, "site/home"));
	CHECK(tpl_set_has(s, "partials/nav"));
	CHECK(!tpl_set_has(s, "notes"));
	CHECK(!tpl_set_has(s, ".hidden"));
	CHECK(!tpl_set_has(s, "site/home.mustache"));
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "site/home", NULL, &out, err, sizeof(err)) == 0);
	CHECK_STR(buf_str(&out), "<nav>");
	tpl_set_free(s);

	rm("layout.mustache");
	rm("site/home.mustache");
	rm("partials/nav.mustache");
	rm("notes.txt");
	rm(".hidden.mustache");
	rm("site");
	rm("partials");
	CHECK(rmdir(root) == 0);
	buf_free(&out);
	return CHECK_DONE();
}
