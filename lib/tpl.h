/*
 * tpl: Ágora's mustache engine.  Every template is compiled once into a
 * node array; partials and parents are linked by reference (never inlined,
 * so recursive partials work) and rendering walks the nodes against a
 * jansson model without parsing again.
 *
 * Supported: the mustache spec's required modules (interpolation,
 * sections, inverted sections, comments, partials, set delimiters) and its
 * inheritance module ({{<parent}}, {{$block}}), whitespace rules included.
 * Not supported: lambdas, dynamic names.
 *
 * Values: {{x}} escapes & < > " ' as &amp; &lt; &gt; &quot; &#39;;
 * {{{x}}} and {{&x}} do not.  Integers print in decimal, reals in the
 * shortest form that reads back the same (1.21 -> "1.21"), true and
 * false as "true" and "false"; null, objects and arrays print nothing.
 * Sections skip false, null, a missing key, "" and []; they repeat over a
 * non-empty array and push any other value once.
 *
 * Limits while rendering: partial, parent and block expansions nest at
 * most 64 deep, and one render visits at most 2^22 nodes (a 1000-row
 * listing takes about 50,000) and appends at most 32 MiB; past that
 * tpl_render() fails instead of running away.
 * Sections, parents and blocks nest at most 64 deep in one template.
 */
#ifndef AGORA_TPL_H
#define AGORA_TPL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

enum tpl_mode {
	TPL_STRICT,	/* ours: unknown partials, failed {{x}} lookups fail */
	TPL_SPEC,	/* the spec's: both render as empty */
};

struct tpl_set;

/* Makes an empty set of templates; free it with tpl_set_free(). */
struct tpl_set	*tpl_set_new(enum tpl_mode);

/*
 * Compiles src (len bytes, need not be NUL-terminated) as template name,
 * e.g. "layout", "site/home" or "partials/nav", replacing any template of
 * that name.  Returns 0, or -1 with "name:line: reason" in err (unclosed
 * section or tag, mismatched close tag, bad delimiter or tag name,
 * nesting too deep).  The set must be linked again before rendering.
 */
int	 tpl_set_add(struct tpl_set *, const char *name, const char *src,
	    size_t len, char *err, size_t errlen);

/*
 * Adds every *.mustache file under dir, recursively, skipping names that
 * start with a dot.  A template's name is its path relative to dir
 * without the extension ("site/home").  Returns 0 or -1 with err.
 */
int	 tpl_set_load_dir(struct tpl_set *, const char *dir, char *err,
	    size_t errlen);

/*
 * Resolves every {{>partial}} and {{<parent}} to the compiled template it
 * names.  TPL_STRICT: an unknown name is an error ("name:line: reason");
 * TPL_SPEC: it renders as empty.  Call it after the last tpl_set_add()
 * and before rendering; calling it again is fine.  Returns 0 or -1.
 */
int	 tpl_set_link(struct tpl_set *, char *err, size_t errlen);

/* True when the set holds a template of that name. */
bool	 tpl_set_has(const struct tpl_set *, const char *name);

/*
 * Renders template name against model (borrowed; NULL acts as null) and
 * appends the result to out.  A failed lookup in {{x}}, {{{x}}} or {{&x}}
 * renders empty in TPL_SPEC and is an error naming the key and template
 * in TPL_STRICT; in a section or inverted section it is simply false in
 * both modes.  Returns 0, or -1 with err, leaving out as it was before
 * the call.  The set is only read, so one linked set may serve many
 * renders.
 */
int	 tpl_render(const struct tpl_set *, const char *name, json_t *model,
	    struct buf *out, char *err, size_t errlen);

/* Frees the set and every template in it; NULL is a no-op. */
void	 tpl_set_free(struct tpl_set *);

#endif
