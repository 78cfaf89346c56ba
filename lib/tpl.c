/*
 * tpl: mustache templates, compiled once and rendered many times.
 *
 * Compiling runs in four passes over one template:
 *  1. lex: text split at newlines, newlines and tags become tokens;
 *  2. standalone lines: a line holding only whitespace and one
 *     non-interpolation tag loses its whitespace and line ending;
 *  3. matching: every section, parent and block is paired with its close
 *     tag, then the inheritance rules for whitespace are applied (parent
 *     and block pairs may be standalone together; argument blocks lose
 *     their intrinsic indentation);
 *  4. build: the surviving tokens become a flat node array in which a
 *     section's body is the node range up to its `next'.
 *
 * Indentation of standalone partials, parents and blocks is applied while
 * rendering, because partials are linked by reference: the renderer keeps
 * the indentation in force and writes it before the first output of every
 * template line.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"
#include "tpl.h"

/* The render limits may be lowered with -D, as the fuzzer's build does. */
#ifndef TPL_MAX_DEPTH
#define TPL_MAX_DEPTH	64		/* nested partials, parents, blocks */
#endif
#ifndef TPL_MAX_NEST
#define TPL_MAX_NEST	64		/* nested sections in one template */
#endif
#ifndef TPL_MAX_STEPS
#define TPL_MAX_STEPS	(1UL << 22)	/* nodes visited by one render */
#endif
#ifndef TPL_MAX_OUTPUT
#define TPL_MAX_OUTPUT	(1UL << 25)	/* bytes appended by one render */
#endif
#define TPL_MAX_DELIM	32		/* bytes in a set delimiter */
#define TPL_MAX_DIRS	16		/* directory depth for load_dir */
#define NOPOS		SIZE_MAX

enum ttype {
	T_TEXT,		/* text without a newline */
	T_NL,		/* "\n" or "\r\n" */
	T_VAR,		/* {{x}} */
	T_RAW,		/* {{{x}}} or {{&x}} */
	T_SECTION,	/* {{#x}} */
	T_INVERTED,	/* {{^x}} */
	T_CLOSE,	/* {{/x}} */
	T_PARTIAL,	/* {{>x}} */
	T_PARENT,	/* {{<x}} */
	T_BLOCK,	/* {{$x}} */
	T_COMMENT,	/* {{! x}} */
	T_DELIM,	/* {{=a b=}} */
};

enum bkind {
	BK_NONE,	/* not standalone: overrides go in as they are */
	BK_INTRINSIC,	/* standalone, opening tag at line end */
	BK_LEAD,	/* standalone pair, opening tag mid-line */
};

struct tok {
	enum ttype	 type;
	size_t		 start;		/* text, or the tag's trimmed content */
	size_t		 len;
	size_t		 line;
	size_t		 match;		/* opening tags: index of the close */
	size_t		 lead;		/* whitespace token before, or NOPOS */
	size_t		 joff;		/* BK_INTRINSIC: indentation in src */
	size_t		 jlen;
	enum bkind	 bkind;		/* parameter blocks */
	bool		 dead;		/* text dropped by a standalone rule */
	bool		 soft;		/* newline kept only after a mid-line */
	bool		 standalone;	/* alone on its line, or a lone pair */
	bool		 arg;		/* block directly inside a parent */
};

enum ntype {
	N_TEXT,
	N_VAR,
	N_RAW,
	N_SECTION,
	N_INVERTED,
	N_PARTIAL,
	N_PARENT,
	N_BLOCK,
};

#define NF_STANDALONE	0x01	/* expand with the indentation in joff */
#define NF_LITERAL	0x02	/* default content is preceded by joff */
#define NF_SOFT		0x04	/* text: skipped when a line just ended */

struct node {
	enum ntype	 type;
	unsigned int	 flags;		/* NF_* */
	size_t		 line;
	size_t		 next;		/* first node after this one's body */
	size_t		 off;		/* pool: text, or the NUL-ended name */
	size_t		 len;		/* text length */
	size_t		 koff;		/* pool: name split at dots */
	size_t		 nkeys;		/* 0 for "." */
	size_t		 joff;		/* pool: indentation */
	size_t		 jlen;
	const struct tpl *target;	/* partials and parents, once linked */
};

struct tpl {
	char		*name;
	char		*pool;		/* every string the nodes refer to */
	struct node	*nodes;
	size_t		 nnodes;
};

struct tpl_set {
	enum tpl_mode	 mode;
	struct tpl	**v;		/* sorted by name */
	size_t		 n;
	size_t		 cap;
	bool		 linked;	/* no add since the last good link */
};

struct comp {
	const char	*name;
	const char	*src;
	size_t		 len;
	struct tok	*toks;
	size_t		 ntoks;
	size_t		 ctoks;
	size_t		*bol;		/* per token: first token of its line */
	size_t		*eol;		/* per token: line's T_NL, or ntoks */
	bool		*bb;		/* per token: only blanks before it */
	bool		*ba;		/* per token: only blanks after it */
	struct buf	 pool;
	size_t		 poff;		/* pending text in pool */
	size_t		 plen;
	struct node	*nodes;
	size_t		 nnodes;
	size_t		 cnodes;
	char		*err;
	size_t		 errlen;
};

struct frame {
	const struct tpl *t;		/* template holding the parent tag */
	size_t		 i;		/* its node */
};

struct rs {
	enum tpl_mode	 mode;
	struct buf	*out;
	size_t		 out0;		/* out->len when the render began */
	json_t		**ctx;		/* context stack, top last */
	size_t		 nctx;
	size_t		 cctx;
	struct frame	*fr;		/* parents expanding, outermost first */
	size_t		 nfr;
	size_t		 cfr;
	struct buf	 indent;	/* indentation in force from ibase on */
	size_t		 ibase;
	bool		 bol;		/* next output starts a template line */
	int		 depth;
	unsigned long	 steps;
	char		*err;
	size_t		 errlen;
};

static int	render_nodes(struct rs *, const struct tpl *, size_t, size_t);

static void	seterr(char *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	cerr(struct comp *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	rerr(struct rs *, const struct tpl *, const struct node *,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Compile errors read "name:line: reason". */
static int
cerr(struct comp *c, size_t line, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	if (c->err == NULL || c->errlen == 0)
		return -1;
	n = snprintf(c->err, c->errlen, "%s:%zu: ", c->name, line);
	if (n < 0 || (size_t)n >= c->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static bool
is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
	    ch == '\v' || ch == '\f';
}

static size_t
count_nl(const char *p, size_t n)
{
	size_t	 i, lines = 0;

	for (i = 0; i < n; i++)
		if (p[i] == '\n')
			lines++;
	return lines;
}

static size_t
count_dots(const char *p, size_t n)
{
	size_t	 i, dots = 0;

	for (i = 0; i < n; i++)
		if (p[i] == '.')
			dots++;
	return dots;
}

/*
 * Lexer.
 */

static struct tok *
tok_push(struct comp *c, enum ttype type, size_t start, size_t len,
    size_t line)
{
	struct tok	*t;

	if (c->ntoks == c->ctoks) {
		c->ctoks = c->ctoks ? c->ctoks * 2 : 64;
		c->toks = x_realloc(c->toks, c->ctoks * sizeof(*c->toks));
	}
	t = &c->toks[c->ntoks++];
	memset(t, 0, sizeof(*t));
	t->type = type;
	t->start = start;
	t->len = len;
	t->line = line;
	t->match = NOPOS;
	t->lead = NOPOS;
	return t;
}

/* Text from..to becomes T_TEXT runs and T_NL tokens; returns the line. */
static size_t
lex_text(struct comp *c, size_t from, size_t to, size_t line)
{
	const char	*nl;
	size_t		 end, nlen;

	while (from < to) {
		nl = memchr(c->src + from, '\n', to - from);
		if (nl == NULL) {
			tok_push(c, T_TEXT, from, to - from, line);
			break;
		}
		end = (size_t)(nl - c->src);
		nlen = 1;
		if (end > from && c->src[end - 1] == '\r') {
			end--;
			nlen = 2;
		}
		if (end > from)
			tok_push(c, T_TEXT, from, end - from, line);
		tok_push(c, T_NL, end, nlen, line);
		line++;
		from = end + nlen;
	}
	return line;
}

/* Names hold no whitespace or control bytes. */
static bool
name_ok(const char *p, size_t n)
{
	size_t	 i;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] <= ' ' || p[i] == 0x7f)
			return false;
	return true;
}

/* Looked-up names are "." or dot-separated non-empty keys. */
static bool
path_ok(const char *p, size_t n)
{
	size_t	 i;

	if (n == 1 && p[0] == '.')
		return true;
	if (p[0] == '.' || p[n - 1] == '.')
		return false;
	for (i = 1; i < n; i++)
		if (p[i] == '.' && p[i - 1] == '.')
			return false;
	return true;
}

/* Parses "<% %>" into new delimiters. */
static int
lex_delim(struct comp *c, size_t s, size_t n, size_t line, char *otag,
    size_t *olen, char *ctag, size_t *clen)
{
	const char	*p = c->src + s;
	size_t		 a, b, i;

	for (a = 0; a < n && !is_space(p[a]); a++)
		continue;
	for (b = a; b < n && is_space(p[b]); b++)
		continue;
	if (a == 0 || b == n || b == a)
		return cerr(c, line, "bad delimiter tag");
	for (i = b; i < n; i++)
		if (is_space(p[i]))
			return cerr(c, line, "bad delimiter tag");
	if (a > TPL_MAX_DELIM || n - b > TPL_MAX_DELIM)
		return cerr(c, line, "delimiter longer than %d bytes",
		    TPL_MAX_DELIM);
	if (memchr(p, '=', a) != NULL || memchr(p + b, '=', n - b) != NULL)
		return cerr(c, line, "bad delimiter tag");
	memcpy(otag, p, a);
	*olen = a;
	memcpy(ctag, p + b, n - b);
	*clen = n - b;
	return 0;
}

static int
lex(struct comp *c)
{
	char		 otag[TPL_MAX_DELIM], ctag[TPL_MAX_DELIM];
	char		 close[TPL_MAX_DELIM + 1];
	const char	*p, *f;
	size_t		 olen = 2, clen = 2, cl, pos = 0, line = 1;
	size_t		 e, q, end, s, n, tline;
	enum ttype	 type;
	bool		 triple;

	memcpy(otag, "{{", 2);
	memcpy(ctag, "}}", 2);
	while (pos < c->len) {
		p = memmem(c->src + pos, c->len - pos, otag, olen);
		e = p == NULL ? c->len : (size_t)(p - c->src);
		line = lex_text(c, pos, e, line);
		if (p == NULL)
			break;
		tline = line;
		q = e + olen;
		type = T_VAR;
		triple = false;
		if (q < c->len) {
			switch (c->src[q]) {
			case '!':
				type = T_COMMENT;
				break;
			case '#':
				type = T_SECTION;
				break;
			case '^':
				type = T_INVERTED;
				break;
			case '/':
				type = T_CLOSE;
				break;
			case '>':
				type = T_PARTIAL;
				break;
			case '<':
				type = T_PARENT;
				break;
			case '$':
				type = T_BLOCK;
				break;
			case '&':
				type = T_RAW;
				break;
			case '{':
				type = T_RAW;
				triple = true;
				break;
			case '=':
				type = T_DELIM;
				break;
			default:
				break;
			}
			if (type != T_VAR)
				q++;
		}
		cl = 0;
		if (triple)
			close[cl++] = '}';
		else if (type == T_DELIM)
			close[cl++] = '=';
		memcpy(close + cl, ctag, clen);
		cl += clen;
		f = q <= c->len ?
		    memmem(c->src + q, c->len - q, close, cl) : NULL;
		if (f == NULL)
			return cerr(c, tline, "unclosed tag");
		end = (size_t)(f - c->src);
		line += count_nl(c->src + e, end + cl - e);
		for (s = q; s < end && is_space(c->src[s]); s++)
			continue;
		for (n = end - s; n > 0 && is_space(c->src[s + n - 1]); n--)
			continue;
		if (type == T_DELIM) {
			if (lex_delim(c, s, n, tline, otag, &olen, ctag,
			    &clen) == -1)
				return -1;
		} else if (type != T_COMMENT) {
			if (n == 0)
				return cerr(c, tline, "empty tag");
			if (!name_ok(c->src + s, n))
				return cerr(c, tline, "bad tag name \"%.*s\"",
				    (int)(n > 64 ? 64 : n), c->src + s);
			if ((type == T_VAR || type == T_RAW ||
			    type == T_SECTION || type == T_INVERTED) &&
			    !path_ok(c->src + s, n))
				return cerr(c, tline,
				    "bad dotted name \"%.*s\"",
				    (int)(n > 64 ? 64 : n), c->src + s);
		}
		tok_push(c, type, s, n, tline);
		pos = end + cl;
	}
	return 0;
}

/*
 * Standalone lines.
 */

static bool
tok_blank(const struct comp *c, const struct tok *t)
{
	size_t	 i;

	if (t->type != T_TEXT)
		return false;
	for (i = 0; i < t->len; i++)
		if (!is_blank(c->src[t->start + i]))
			return false;
	return true;
}

static bool
can_stand(enum ttype type)
{
	return type != T_TEXT && type != T_NL && type != T_VAR &&
	    type != T_RAW;
}

/*
 * Records every token's line bounds and whether only blanks surround it
 * on its line, and drops the whitespace and line ending around a tag
 * that is alone on its line.  Later passes only take blanks off the
 * front of text, so what is blank stays blank.
 */
static void
mark_lines(struct comp *c)
{
	size_t	 b, e, i, tags, tag;
	bool	 text, around;

	for (b = 0; b < c->ntoks; b = e + 1) {
		tags = 0;
		tag = NOPOS;
		text = false;		/* the line has non-blank text */
		around = true;		/* only blanks so far */
		for (e = b; e < c->ntoks && c->toks[e].type != T_NL; e++) {
			c->bol[e] = b;
			c->bb[e] = around;
			if (!tok_blank(c, &c->toks[e]))
				around = false;
			if (c->toks[e].type == T_TEXT) {
				if (!tok_blank(c, &c->toks[e]))
					text = true;
			} else {
				tags++;
				tag = e;
			}
		}
		around = true;
		for (i = e; i > b; i--) {
			c->eol[i - 1] = e;
			c->ba[i - 1] = around;
			if (!tok_blank(c, &c->toks[i - 1]))
				around = false;
		}
		if (e < c->ntoks) {
			c->bol[e] = b;
			c->eol[e] = e;
		}
		if (tags != 1 || text || !can_stand(c->toks[tag].type))
			continue;
		for (i = b; i < e; i++)
			if (i != tag)
				c->toks[i].dead = true;
		if (e < c->ntoks)
			c->toks[e].dead = true;
		c->toks[tag].standalone = true;
		if (tag > b)
			c->toks[tag].lead = b;
	}
}

static bool
is_open(enum ttype type)
{
	return type == T_SECTION || type == T_INVERTED || type == T_PARENT ||
	    type == T_BLOCK;
}

/* Pairs opening and close tags; nesting errors are reported here. */
static int
match(struct comp *c)
{
	size_t		 stack[TPL_MAX_NEST];
	size_t		 depth = 0, i, o;
	struct tok	*t, *ot;

	for (i = 0; i < c->ntoks; i++) {
		t = &c->toks[i];
		if (is_open(t->type)) {
			if (depth == TPL_MAX_NEST)
				return cerr(c, t->line,
				    "sections nested more than %d deep",
				    TPL_MAX_NEST);
			t->arg = t->type == T_BLOCK && depth > 0 &&
			    c->toks[stack[depth - 1]].type == T_PARENT;
			stack[depth++] = i;
		} else if (t->type == T_CLOSE) {
			if (depth == 0)
				return cerr(c, t->line,
				    "close tag \"%.*s\" without a section",
				    (int)(t->len > 64 ? 64 : t->len),
				    c->src + t->start);
			o = stack[--depth];
			ot = &c->toks[o];
			if (ot->len != t->len || memcmp(c->src + ot->start,
			    c->src + t->start, t->len) != 0)
				return cerr(c, t->line, "close tag \"%.*s\" "
				    "does not match \"%.*s\" from line %zu",
				    (int)(t->len > 64 ? 64 : t->len),
				    c->src + t->start,
				    (int)(ot->len > 64 ? 64 : ot->len),
				    c->src + ot->start, ot->line);
			ot->match = i;
		}
	}
	if (depth > 0) {
		ot = &c->toks[stack[depth - 1]];
		return cerr(c, ot->line, "unclosed section \"%.*s\"",
		    (int)(ot->len > 64 ? 64 : ot->len), c->src + ot->start);
	}
	return 0;
}

/* Only whitespace precedes token i on its line. */
static bool
blank_before(const struct comp *c, size_t i)
{
	return c->bb[i];
}

/* Only whitespace follows token i on its line. */
static bool
blank_after(const struct comp *c, size_t i)
{
	return c->ba[i];
}

/* Drops what follows token i on its line, line ending included. */
static void
kill_after(struct comp *c, size_t i)
{
	size_t	 k;

	for (k = i + 1; k < c->eol[i]; k++)
		c->toks[k].dead = true;
	if (c->eol[i] < c->ntoks)
		c->toks[c->eol[i]].dead = true;
}

/* The leading whitespace of the line after token i's line. */
static void
next_lead(const struct comp *c, size_t i, size_t *off, size_t *len)
{
	const struct tok	*t;
	size_t			 k, n;

	*off = 0;
	*len = 0;
	k = c->eol[i];
	if (k >= c->ntoks || k + 1 >= c->ntoks)
		return;
	t = &c->toks[k + 1];
	if (t->type != T_TEXT)
		return;
	for (n = 0; n < t->len && is_blank(c->src[t->start + n]); n++)
		continue;
	*off = t->start;
	*len = n;
}

/* Removes off..off+n from the start of every line between i and m. */
static void
strip_lines(struct comp *c, size_t i, size_t m, size_t off, size_t n)
{
	struct tok	*t;
	size_t		 k;

	for (k = i + 1; k + 1 < m; k++) {
		if (c->toks[k].type != T_NL)
			continue;
		t = &c->toks[k + 1];
		if (t->type == T_TEXT && t->len >= n &&
		    memcmp(c->src + t->start, c->src + off, n) == 0) {
			t->start += n;
			t->len -= n;
		}
	}
}

/*
 * The inheritance module's whitespace rules.  A parent, or a block that is
 * not an argument, is standalone when only whitespace precedes its
 * opening tag and follows its close tag, even on one line.  An argument
 * block whose opening tag ends its line starts on the next line, and the
 * indentation of that line (its intrinsic indentation) is taken off every
 * line of it; where the parent puts it back, the block's own indentation
 * is added instead.  Outer blocks come first in token order, so nested
 * blocks measure their indentation relative to the enclosing one.  The
 * line ending after a standalone parameter pair such as
 * "  {{$body}}{{/body}}\n" is soft: written only when the block's output
 * did not itself end the line (the spec's "Standalone block" and
 * "Default" keep it, a layout block holding whole lines must not double
 * it).
 */
static void
mark_blocks(struct comp *c)
{
	struct tok	*t;
	size_t		 i, off, n;

	for (i = 0; i < c->ntoks; i++) {
		t = &c->toks[i];
		if (t->type == T_PARENT) {
			if (!blank_before(c, i) || !blank_after(c, t->match))
				continue;
			t->standalone = true;
			if (c->bol[i] < i) {
				t->lead = c->bol[i];
				c->toks[t->lead].dead = true;
			}
			kill_after(c, t->match);
		} else if (t->type == T_BLOCK && t->arg) {
			if (!blank_after(c, i))
				continue;
			kill_after(c, i);
			next_lead(c, i, &off, &n);
			if (n > 0)
				strip_lines(c, i, t->match, off, n);
		} else if (t->type == T_BLOCK) {
			if (!blank_before(c, i) || !blank_after(c, t->match))
				continue;
			if (t->standalone) {
				t->bkind = BK_INTRINSIC;
				next_lead(c, i, &t->joff, &t->jlen);
			} else {
				t->bkind = BK_LEAD;
				if (c->bol[i] < i) {
					t->lead = c->bol[i];
					c->toks[t->lead].dead = true;
				}
				kill_after(c, t->match);
				if (c->eol[t->match] < c->ntoks) {
					c->toks[c->eol[t->match]].dead = false;
					c->toks[c->eol[t->match]].soft = true;
				}
			}
		}
	}
}

/*
 * Builder.
 */

static size_t
node_push(struct comp *c, enum ntype type, size_t line)
{
	struct node	*n;

	if (c->nnodes == c->cnodes) {
		c->cnodes = c->cnodes ? c->cnodes * 2 : 32;
		c->nodes = x_realloc(c->nodes, c->cnodes * sizeof(*c->nodes));
	}
	n = &c->nodes[c->nnodes];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->line = line;
	n->next = c->nnodes + 1;
	return c->nnodes++;
}

static void
text_flush(struct comp *c)
{
	size_t	 i;

	if (c->plen == 0)
		return;
	i = node_push(c, N_TEXT, 0);
	c->nodes[i].off = c->poff;
	c->nodes[i].len = c->plen;
	c->plen = 0;
}

/* Text nodes end at a newline so the renderer knows where lines start. */
static void
text_add(struct comp *c, const struct tok *t)
{
	if (t->len == 0)
		return;
	if (c->plen == 0)
		c->poff = c->pool.len;
	buf_append(&c->pool, c->src + t->start, t->len);
	c->plen += t->len;
	if (t->type == T_NL)
		text_flush(c);
}

static size_t
tag_node(struct comp *c, const struct tok *t, enum ntype type)
{
	struct node	*n;
	const char	*p;
	size_t		 i, k, off, koff, nkeys = 0, joff = 0, jlen = 0;

	text_flush(c);
	off = c->pool.len;
	buf_append(&c->pool, c->src + t->start, t->len);
	buf_putc(&c->pool, '\0');
	koff = c->pool.len;
	p = c->src + t->start;
	if (type == N_VAR || type == N_RAW || type == N_SECTION ||
	    type == N_INVERTED) {
		if (!(t->len == 1 && p[0] == '.')) {
			for (k = 0; k < t->len; k++)
				buf_putc(&c->pool, p[k] == '.' ? '\0' : p[k]);
			buf_putc(&c->pool, '\0');
			nkeys = 1 + count_dots(p, t->len);
		}
	}
	if (t->type == T_BLOCK && t->bkind == BK_INTRINSIC) {
		joff = c->pool.len;
		jlen = t->jlen;
		buf_append(&c->pool, c->src + t->joff, jlen);
	} else if (t->lead != NOPOS && (t->type != T_BLOCK ||
	    t->bkind == BK_LEAD)) {
		joff = c->pool.len;
		jlen = c->toks[t->lead].len;
		buf_append(&c->pool, c->src + c->toks[t->lead].start, jlen);
	}
	i = node_push(c, type, t->line);
	n = &c->nodes[i];
	n->off = off;
	n->koff = koff;
	n->nkeys = nkeys;
	n->joff = joff;
	n->jlen = jlen;
	if ((type == N_PARTIAL || type == N_PARENT) && t->standalone)
		n->flags |= NF_STANDALONE;
	if (type == N_BLOCK && t->bkind != BK_NONE)
		n->flags |= NF_STANDALONE;
	if (type == N_BLOCK && t->bkind == BK_LEAD)
		n->flags |= NF_LITERAL;
	return i;
}

static void	build(struct comp *, size_t, size_t);

static void
build_body(struct comp *c, size_t ti, enum ntype type)
{
	size_t	 n;

	n = tag_node(c, &c->toks[ti], type);
	build(c, ti + 1, c->toks[ti].match);
	text_flush(c);
	c->nodes[n].next = c->nnodes;
}

/*
 * Nodes for tokens from..to.  Inside a parent only argument blocks count;
 * everything else there is left out.
 */
static void
build(struct comp *c, size_t from, size_t to)
{
	const struct tok	*t;
	size_t			 i, j, n;

	for (i = from; i < to; ) {
		t = &c->toks[i];
		switch (t->type) {
		case T_TEXT:
		case T_NL:
			if (t->soft) {
				text_flush(c);
				text_add(c, t);
				c->nodes[c->nnodes - 1].flags |= NF_SOFT;
			} else if (!t->dead)
				text_add(c, t);
			i++;
			break;
		case T_VAR:
			tag_node(c, t, N_VAR);
			i++;
			break;
		case T_RAW:
			tag_node(c, t, N_RAW);
			i++;
			break;
		case T_PARTIAL:
			tag_node(c, t, N_PARTIAL);
			i++;
			break;
		case T_SECTION:
		case T_INVERTED:
		case T_BLOCK:
			build_body(c, i, t->type == T_SECTION ? N_SECTION :
			    t->type == T_INVERTED ? N_INVERTED : N_BLOCK);
			i = t->match + 1;
			break;
		case T_PARENT:
			n = tag_node(c, t, N_PARENT);
			for (j = i + 1; j < t->match; ) {
				if (c->toks[j].type == T_BLOCK) {
					build_body(c, j, N_BLOCK);
					j = c->toks[j].match + 1;
				} else if (is_open(c->toks[j].type))
					j = c->toks[j].match + 1;
				else
					j++;
			}
			c->nodes[n].next = c->nnodes;
			i = t->match + 1;
			break;
		default:
			i++;
			break;
		}
	}
}

static void
tpl_free(struct tpl *t)
{
	if (t == NULL)
		return;
	x_free(t->name);
	x_free(t->pool);
	x_free(t->nodes);
	x_free(t);
}

static struct tpl *
compile(const char *name, const char *src, size_t len, char *err,
    size_t errlen)
{
	struct comp	 c;
	struct tpl	*t = NULL;

	memset(&c, 0, sizeof(c));
	c.name = name;
	c.src = src;
	c.len = len;
	c.err = err;
	c.errlen = errlen;
	buf_init(&c.pool);
	if (lex(&c) == -1)
		goto out;
	c.bol = x_calloc(c.ntoks + 1, sizeof(*c.bol));
	c.eol = x_calloc(c.ntoks + 1, sizeof(*c.eol));
	c.bb = x_calloc(c.ntoks + 1, sizeof(*c.bb));
	c.ba = x_calloc(c.ntoks + 1, sizeof(*c.ba));
	mark_lines(&c);
	if (match(&c) == -1)
		goto out;
	mark_blocks(&c);
	build(&c, 0, c.ntoks);
	text_flush(&c);
	t = x_calloc(1, sizeof(*t));
	t->name = x_strdup(name);
	t->pool = buf_release(&c.pool);
	t->nodes = c.nodes;
	t->nnodes = c.nnodes;
	c.nodes = NULL;
out:
	buf_free(&c.pool);
	x_free(c.nodes);
	x_free(c.toks);
	x_free(c.bol);
	x_free(c.eol);
	x_free(c.bb);
	x_free(c.ba);
	return t;
}

/*
 * The set.
 */

static size_t
set_find(const struct tpl_set *s, const char *name, bool *found)
{
	size_t	 lo = 0, hi = s->n, mid;
	int	 cmp;

	*found = false;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		cmp = strcmp(name, s->v[mid]->name);
		if (cmp == 0) {
			*found = true;
			return mid;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static const struct tpl *
set_get(const struct tpl_set *s, const char *name)
{
	size_t	 i;
	bool	 found;

	i = set_find(s, name, &found);
	return found ? s->v[i] : NULL;
}

/*
 * Makes an empty set that compiles and renders in the given mode.
 */
struct tpl_set *
tpl_set_new(enum tpl_mode mode)
{
	struct tpl_set	*s;

	s = x_calloc(1, sizeof(*s));
	s->mode = mode;
	return s;
}

/*
 * Compiles src as template name.  A template of the same name is
 * replaced; the set is marked unlinked either way, since other templates
 * may point at the old one.
 */
int
tpl_set_add(struct tpl_set *s, const char *name, const char *src,
    size_t len, char *err, size_t errlen)
{
	struct tpl	*t;
	size_t		 i;
	bool		 found;

	if ((t = compile(name, src, len, err, errlen)) == NULL)
		return -1;
	s->linked = false;
	i = set_find(s, name, &found);
	if (found) {
		tpl_free(s->v[i]);
		s->v[i] = t;
		return 0;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = x_realloc(s->v, s->cap * sizeof(*s->v));
	}
	memmove(&s->v[i + 1], &s->v[i], (s->n - i) * sizeof(*s->v));
	s->v[i] = t;
	s->n++;
	return 0;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

static int
read_file(const char *path, struct buf *b, char *err, size_t errlen)
{
	FILE	*f;
	char	 chunk[8192];
	size_t	 n;
	int	 rc = -1;

	if ((f = fopen(path, "rb")) == NULL) {
		seterr(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(b, chunk, n);
	if (ferror(f)) {
		seterr(err, errlen, "%s: read error", path);
		goto out;
	}
	rc = 0;
out:
	fclose(f);
	return rc;
}

/* Adds the templates under dir/rel; rel is "" at the top. */
static int
load_dir(struct tpl_set *s, const char *dir, const char *rel, int depth,
    char *err, size_t errlen)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	struct buf	 path, name, src;
	int		 rc = -1;

	buf_init(&path);
	buf_init(&name);
	buf_init(&src);
	buf_printf(&path, "%s%s%s", dir, *rel ? "/" : "", rel);
	if ((d = opendir(buf_str(&path))) == NULL) {
		seterr(err, errlen, "%s: %s", buf_str(&path), strerror(errno));
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		buf_reset(&name);
		buf_printf(&name, "%s%s%s", rel, *rel ? "/" : "", de->d_name);
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, buf_str(&name));
		if (stat(buf_str(&path), &st) == -1) {
			seterr(err, errlen, "%s: %s", buf_str(&path),
			    strerror(errno));
			goto out;
		}
		if (S_ISDIR(st.st_mode)) {
			if (depth >= TPL_MAX_DIRS) {
				seterr(err, errlen, "%s: directories nested "
				    "too deep", buf_str(&path));
				goto out;
			}
			if (load_dir(s, dir, buf_str(&name), depth + 1, err,
			    errlen) == -1)
				goto out;
			continue;
		}
		if (!S_ISREG(st.st_mode) || !ends_with(de->d_name, ".mustache"))
			continue;
		buf_reset(&src);
		if (read_file(buf_str(&path), &src, err, errlen) == -1)
			goto out;
		name.len -= strlen(".mustache");
		name.data[name.len] = '\0';
		if (tpl_set_add(s, buf_str(&name), buf_str(&src), src.len,
		    err, errlen) == -1)
			goto out;
	}
	rc = 0;
out:
	if (d != NULL)
		closedir(d);
	buf_free(&path);
	buf_free(&name);
	buf_free(&src);
	return rc;
}

/*
 * Adds every *.mustache file under dir, named by its relative path
 * without the extension.
 */
int
tpl_set_load_dir(struct tpl_set *s, const char *dir, char *err,
    size_t errlen)
{
	return load_dir(s, dir, "", 0, err, errlen);
}

/*
 * Points every partial and parent node at its template.  In TPL_STRICT
 * an unknown name fails the link; in TPL_SPEC the node stays empty.
 */
int
tpl_set_link(struct tpl_set *s, char *err, size_t errlen)
{
	struct tpl	*t;
	struct node	*n;
	size_t		 i, j;

	s->linked = false;
	for (i = 0; i < s->n; i++) {
		t = s->v[i];
		for (j = 0; j < t->nnodes; j++) {
			n = &t->nodes[j];
			if (n->type != N_PARTIAL && n->type != N_PARENT)
				continue;
			n->target = set_get(s, t->pool + n->off);
			if (n->target == NULL && s->mode == TPL_STRICT) {
				seterr(err, errlen, "%s:%zu: unknown %s \"%s\"",
				    t->name, n->line, n->type == N_PARTIAL ?
				    "partial" : "parent", t->pool + n->off);
				return -1;
			}
		}
	}
	s->linked = true;
	return 0;
}

/*
 * True when a template of that name has been added.
 */
bool
tpl_set_has(const struct tpl_set *s, const char *name)
{
	return set_get(s, name) != NULL;
}

/*
 * Frees the set and its templates.
 */
void
tpl_set_free(struct tpl_set *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		tpl_free(s->v[i]);
	x_free(s->v);
	x_free(s);
}

/*
 * Renderer.
 */

static int
rerr(struct rs *r, const struct tpl *t, const struct node *n,
    const char *fmt, ...)
{
	va_list	 ap;
	int	 len;

	if (r->err == NULL || r->errlen == 0)
		return -1;
	len = snprintf(r->err, r->errlen, "%s:%zu: ", t->name, n->line);
	if (len < 0 || (size_t)len >= r->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(r->err + len, r->errlen - (size_t)len, fmt, ap);
	va_end(ap);
	return -1;
}

static void
buf_cut(struct buf *b, size_t len)
{
	if (b->data == NULL || len >= b->len)
		return;
	b->len = len;
	b->data[len] = '\0';
}

/* Writes the pending indentation when a template line starts. */
static void
put_indent(struct rs *r)
{
	if (!r->bol)
		return;
	r->bol = false;
	if (r->indent.len > r->ibase)
		buf_append(r->out, r->indent.data + r->ibase,
		    r->indent.len - r->ibase);
}

static void
put_text(struct rs *r, const char *p, size_t n)
{
	if (n == 0)
		return;
	put_indent(r);
	buf_append(r->out, p, n);
	r->bol = p[n - 1] == '\n';
}

/* The one HTML escaping function: & < > " ' */
static void
put_escaped(struct buf *out, const char *p, size_t n)
{
	size_t		 i, run = 0;
	const char	*rep;

	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_append(out, p + run, i - run);
		buf_puts(out, rep);
		run = i + 1;
	}
	buf_append(out, p + run, n - run);
}

/* The shortest %g form that reads back as the same double. */
static void
fmt_real(double d, char *b, size_t n)
{
	int	 prec;

	for (prec = 1; prec <= 17; prec++) {
		snprintf(b, n, "%.*g", prec, d);
		if (strtod(b, NULL) == d)
			return;
	}
}

static void
put_value(struct rs *r, const json_t *v, bool escape)
{
	char		 num[64];
	const char	*p;
	size_t		 n;

	put_indent(r);
	if (v == NULL)
		return;
	switch (json_typeof(v)) {
	case JSON_STRING:
		p = json_string_value(v);
		n = json_string_length(v);
		break;
	case JSON_INTEGER:
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		p = num;
		n = strlen(num);
		break;
	case JSON_REAL:
		fmt_real(json_real_value(v), num, sizeof(num));
		p = num;
		n = strlen(num);
		break;
	case JSON_TRUE:
		p = "true";
		n = 4;
		break;
	case JSON_FALSE:
		p = "false";
		n = 5;
		break;
	default:
		return;
	}
	if (escape)
		put_escaped(r->out, p, n);
	else
		buf_append(r->out, p, n);
}

/*
 * Resolves a name against the context stack.  The first key is searched
 * from the top of the stack down; the rest must resolve inside what it
 * found (the spec's "Context Precedence").
 */
static json_t *
lookup(const struct rs *r, const struct tpl *t, const struct node *n,
    bool *found)
{
	const char	*key = t->pool + n->koff;
	json_t		*v = NULL;
	size_t		 i, k;

	*found = false;
	if (n->nkeys == 0) {
		*found = true;
		return r->nctx > 0 ? r->ctx[r->nctx - 1] : NULL;
	}
	for (i = r->nctx; i > 0; i--) {
		if (json_is_object(r->ctx[i - 1]) &&
		    (v = json_object_get(r->ctx[i - 1], key)) != NULL)
			break;
	}
	if (v == NULL)
		return NULL;
	for (k = 1; k < n->nkeys; k++) {
		key += strlen(key) + 1;
		if (!json_is_object(v) || (v = json_object_get(v, key)) == NULL)
			return NULL;
	}
	*found = true;
	return v;
}

static bool
truthy(const json_t *v)
{
	if (v == NULL)
		return false;
	switch (json_typeof(v)) {
	case JSON_NULL:
	case JSON_FALSE:
		return false;
	case JSON_ARRAY:
		return json_array_size(v) > 0;
	case JSON_STRING:
		return json_string_length(v) > 0;
	default:
		return true;
	}
}

static void
ctx_push(struct rs *r, json_t *v)
{
	if (r->nctx == r->cctx) {
		r->cctx = r->cctx ? r->cctx * 2 : 16;
		r->ctx = x_realloc(r->ctx, r->cctx * sizeof(*r->ctx));
	}
	r->ctx[r->nctx++] = v;
}

static int
render_section(struct rs *r, const struct tpl *t, size_t i)
{
	const struct node	*n = &t->nodes[i];
	json_t			*v;
	size_t			 k;
	bool			 found;
	int			 rc = 0;

	v = lookup(r, t, n, &found);
	if (n->type == N_INVERTED)
		return truthy(v) ? 0 : render_nodes(r, t, i + 1, n->next);
	if (!truthy(v))
		return 0;
	if (!json_is_array(v)) {
		ctx_push(r, v);
		rc = render_nodes(r, t, i + 1, n->next);
		r->nctx--;
		return rc;
	}
	for (k = 0; k < json_array_size(v) && rc == 0; k++) {
		ctx_push(r, json_array_get(v, k));
		rc = render_nodes(r, t, i + 1, n->next);
		r->nctx--;
	}
	return rc;
}

/*
 * Renders nodes from..to of t with extra indentation j (standalone
 * expansions) or with none at all (inline ones, which start mid-line).
 */
static int
render_indented(struct rs *r, const struct tpl *t, size_t from, size_t to,
    bool standalone, const char *j, size_t jlen)
{
	size_t	 save;
	int	 rc;

	if (standalone) {
		if (!r->bol)
			buf_append(r->out, j, jlen);
		save = r->indent.len;
		buf_append(&r->indent, j, jlen);
		rc = render_nodes(r, t, from, to);
		buf_cut(&r->indent, save);
	} else {
		put_indent(r);
		save = r->ibase;
		r->ibase = r->indent.len;
		rc = render_nodes(r, t, from, to);
		r->ibase = save;
	}
	return rc;
}

static int
render_partial(struct rs *r, const struct tpl *t, size_t i)
{
	const struct node	*n = &t->nodes[i];
	const struct tpl	*to = n->target;
	int			 rc;

	if (to == NULL)
		return 0;
	if (r->depth >= TPL_MAX_DEPTH)
		return rerr(r, t, n, "partials nested more than %d deep "
		    "at \"%s\"", TPL_MAX_DEPTH, t->pool + n->off);
	if (n->type == N_PARENT) {
		if (r->nfr == r->cfr) {
			r->cfr = r->cfr ? r->cfr * 2 : 8;
			r->fr = x_realloc(r->fr, r->cfr * sizeof(*r->fr));
		}
		r->fr[r->nfr].t = t;
		r->fr[r->nfr].i = i;
		r->nfr++;
	}
	r->depth++;
	rc = render_indented(r, to, 0, to->nnodes, n->flags & NF_STANDALONE,
	    t->pool + n->joff, n->jlen);
	r->depth--;
	if (n->type == N_PARENT)
		r->nfr--;
	return rc;
}

/* The outermost parent tag that passes a block of that name wins. */
static bool
find_override(const struct rs *r, const char *name, const struct tpl **ot,
    size_t *oi)
{
	const struct tpl	*t;
	size_t			 f, j;

	for (f = 0; f < r->nfr; f++) {
		t = r->fr[f].t;
		for (j = r->fr[f].i + 1; j < t->nodes[r->fr[f].i].next;
		    j = t->nodes[j].next) {
			if (t->nodes[j].type == N_BLOCK &&
			    strcmp(t->pool + t->nodes[j].off, name) == 0) {
				*ot = t;
				*oi = j;
				return true;
			}
		}
	}
	return false;
}

static int
render_block(struct rs *r, const struct tpl *t, size_t i)
{
	const struct node	*n = &t->nodes[i];
	const struct tpl	*ot;
	size_t			 oi;
	int			 rc;

	if (!find_override(r, t->pool + n->off, &ot, &oi)) {
		if (n->flags & NF_LITERAL)
			put_text(r, t->pool + n->joff, n->jlen);
		return render_nodes(r, t, i + 1, n->next);
	}
	if (r->depth >= TPL_MAX_DEPTH)
		return rerr(r, t, n, "blocks nested more than %d deep at "
		    "\"%s\"", TPL_MAX_DEPTH, t->pool + n->off);
	r->depth++;
	if (n->flags & NF_STANDALONE)
		rc = render_indented(r, ot, oi + 1, ot->nodes[oi].next, true,
		    t->pool + n->joff, n->jlen);
	else
		rc = render_nodes(r, ot, oi + 1, ot->nodes[oi].next);
	r->depth--;
	return rc;
}

static int
render_nodes(struct rs *r, const struct tpl *t, size_t from, size_t to)
{
	const struct node	*n;
	json_t			*v;
	size_t			 i;
	bool			 found;

	for (i = from; i < to; i = n->next) {
		n = &t->nodes[i];
		if (++r->steps > TPL_MAX_STEPS)
			return rerr(r, t, n, "render visits more than %lu "
			    "nodes", (unsigned long)TPL_MAX_STEPS);
		if (r->out->len - r->out0 > TPL_MAX_OUTPUT)
			return rerr(r, t, n, "output larger than %lu bytes",
			    (unsigned long)TPL_MAX_OUTPUT);
		switch (n->type) {
		case N_TEXT:
			if (!(n->flags & NF_SOFT) || !r->bol)
				put_text(r, t->pool + n->off, n->len);
			break;
		case N_VAR:
		case N_RAW:
			v = lookup(r, t, n, &found);
			if (!found && r->mode == TPL_STRICT)
				return rerr(r, t, n, "no value for \"%s\"",
				    t->pool + n->off);
			put_value(r, v, n->type == N_VAR);
			break;
		case N_SECTION:
		case N_INVERTED:
			if (render_section(r, t, i) == -1)
				return -1;
			break;
		case N_PARTIAL:
		case N_PARENT:
			if (render_partial(r, t, i) == -1)
				return -1;
			break;
		case N_BLOCK:
			if (render_block(r, t, i) == -1)
				return -1;
			break;
		}
	}
	return 0;
}

/*
 * Renders template name against model into out.  On failure out is cut
 * back to its length before the call.
 */
int
tpl_render(const struct tpl_set *s, const char *name, json_t *model,
    struct buf *out, char *err, size_t errlen)
{
	const struct tpl	*t;
	struct rs		 r;
	int			 rc = -1;

	if (!s->linked) {
		seterr(err, errlen, "%s: templates not linked", name);
		return -1;
	}
	if ((t = set_get(s, name)) == NULL) {
		seterr(err, errlen, "%s: no such template", name);
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.mode = s->mode;
	r.out = out;
	r.out0 = out->len;
	r.bol = true;
	r.err = err;
	r.errlen = errlen;
	buf_init(&r.indent);
	ctx_push(&r, model);
	if (render_nodes(&r, t, 0, t->nnodes) == -1) {
		buf_cut(out, r.out0);
		goto out;
	}
	rc = 0;
out:
	x_free(r.ctx);
	x_free(r.fr);
	buf_free(&r.indent);
	return rc;
}
