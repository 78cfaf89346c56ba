/*
 * fuzz-tpl: compiles arbitrary bytes as templates and renders them.
 *
 * The input is split at NUL bytes into up to three templates, "t", "p"
 * and "q", so partials, parents and recursion between them get
 * exercised.  Each is compiled in TPL_SPEC and in TPL_STRICT; both sets
 * are linked and "t" is rendered against a small fixed model.  Errors are
 * fine; crashes, leaks and runaway renders are not.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "tpl.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const names[] = { "t", "p", "q" };

static const char model_json[] =
    "{\"a\":[1,2],\"b\":{\"c\":\"<x&'\\\"y>\",\"d\":true,\"e\":{}},"
    "\"s\":\"str\",\"f\":1.5,\"g\":null,\"h\":false,\"i\":[],"
    "\"j\":[{\"k\":\"v\",\"j\":[]},{\"k\":\"w\"}],\"n\":7,\"z\":\"\"}";

static void
run(enum tpl_mode mode, const char *data, size_t size, json_t *model)
{
	struct tpl_set	*s;
	struct buf	 out;
	char		 err[256];
	const char	*p, *nul;
	size_t		 k, n;

	buf_init(&out);
	s = tpl_set_new(mode);
	p = data;
	for (k = 0; k < 3 && p <= data + size; k++) {
		nul = memchr(p, '\0', (size_t)(data + size - p));
		n = nul != NULL ? (size_t)(nul - p) : (size_t)(data + size - p);
		(void)tpl_set_add(s, names[k], p, n, err, sizeof(err));
		if (nul == NULL)
			break;
		p = nul + 1;
	}
	if (tpl_set_link(s, err, sizeof(err)) == 0 && tpl_set_has(s, "t") &&
	    tpl_render(s, "t", model, &out, err, sizeof(err)) == -1 &&
	    out.len != 0)
		__builtin_trap();	/* failed renders leave out as it was */
	tpl_set_free(s);
	buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static json_t	*model;

	if (model == NULL)
		model = json_loads(model_json, 0, NULL);
	if (size > 16384)
		return 0;
	run(TPL_SPEC, (const char *)data, size, model);
	run(TPL_STRICT, (const char *)data, size, model);
	return 0;
}
