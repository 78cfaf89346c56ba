/*
 * golden: renders one of the project's own templates with a saved model
 * and compares the bytes with a saved page (openradtool's .result idea).
 *
 *   golden TEMPLATES_DIR CASE.json EXPECTED.html
 *
 * CASE.json is {"template": "site/home", "lang": "es", "model": {...}}; the
 * language's catalog is added to the model as "t", as the core does.
 * Templates are strict: a key missing from the model fails the case.
 * GOLDEN_UPDATE=1 writes the rendered page instead of comparing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "mem.h"
#include "tpl.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE		*f;
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_release(&b);
}

int
main(int argc, char *argv[])
{
	struct tpl_set	*set;
	struct buf	 out;
	json_t		*c, *model;
	json_error_t	 jerr;
	char		 err[512], dir[4096], *want = NULL;
	const char	*tpl, *lang;
	size_t		 wantlen = 0;
	FILE		*f;
	int		 rc = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: golden templates case.json expected.html\n");
		return 2;
	}
	buf_init(&out);
	set = tpl_set_new(TPL_STRICT);
	snprintf(dir, sizeof(dir), "%s/i18n", argv[1]);
	if ((c = json_load_file(argv[2], JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
		fprintf(stderr, "%s:%d: %s\n", argv[2], jerr.line, jerr.text);
		goto out;
	}
	if (tpl_set_load_dir(set, argv[1], err, sizeof(err)) != 0 ||
	    tpl_set_link(set, err, sizeof(err)) != 0 || i18n_load(dir) != 0) {
		fprintf(stderr, "load: %s\n", err);
		goto out;
	}
	tpl = json_string_value(json_object_get(c, "template"));
	lang = json_string_value(json_object_get(c, "lang"));
	model = json_object_get(c, "model");
	if (tpl == NULL || lang == NULL || !json_is_object(model)) {
		fprintf(stderr, "%s: needs template, lang and model\n", argv[2]);
		goto out;
	}
	json_object_set(model, "t", i18n_catalog(lang));
	if (tpl_render(set, tpl, model, &out, err, sizeof(err)) != 0) {
		fprintf(stderr, "render %s: %s\n", tpl, err);
		goto out;
	}
	if (getenv("GOLDEN_UPDATE") != NULL) {
		if ((f = fopen(argv[3], "w")) == NULL ||
		    fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0) {
			perror(argv[3]);
			goto out;
		}
		rc = 0;
		goto out;
	}
	if ((want = slurp(argv[3], &wantlen)) == NULL) {
		perror(argv[3]);
		goto out;
	}
	if (wantlen != out.len || memcmp(want, out.data, out.len) != 0) {
		fprintf(stderr, "%s differs from %s; rendered:\n%s\n", tpl,
		    argv[3], buf_str(&out));
		goto out;
	}
	rc = 0;
out:
	x_free(want);
	json_decref(c);
	buf_free(&out);
	tpl_set_free(set);
	i18n_free();
	return rc;
}
