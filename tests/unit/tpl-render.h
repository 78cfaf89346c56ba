/*
 * tpl-render.h: templates added and rendered for the unit tests of the
 * mustache engine, each step checked to succeed, so a test is left with
 * the output to compare.
 */
#ifndef AGORA_TPL_RENDER_H
#define AGORA_TPL_RENDER_H

#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "tpl.h"
#include "check.h"

/* Adds src to s under name; it must compile. */
static inline void
add(struct tpl_set *s, const char *name, const char *src)
{
	char	 err[256];

	CHECK(tpl_set_add(s, name, src, strlen(src), err, sizeof(err)) == 0);
}

/* Renders src, as the one template "t" of a set in mode, with the model m
 * (NULL for none); appends the output to out and returns all of out. */
static inline const char *
render(enum tpl_mode mode, const char *src, json_t *m, struct buf *out)
{
	struct tpl_set	*s;
	char		 err[256];

	s = tpl_set_new(mode);
	add(s, "t", src);
	CHECK(tpl_set_link(s, err, sizeof(err)) == 0);
	CHECK(tpl_render(s, "t", m, out, err, sizeof(err)) == 0);
	tpl_set_free(s);
	return buf_str(out);
}

#endif
