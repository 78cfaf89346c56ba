/* notice: a notification's words in a language; see notice.h. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "notice.h"

#define NOTICE_TITLE_CUT	120	/* code points of an event title */

/* Cuts b to at most max code points, never inside a character. */
static void
clip(struct buf *b, size_t max)
{
	size_t	 i, n = 0;

	for (i = 0; i < b->len; i++)
		if (((unsigned char)b->data[i] & 0xc0) != 0x80 && n++ == max) {
			b->data[i] = '\0';
			b->len = i;
			return;
		}
}

/* A title past NOTICE_TITLE_CUT code points cut there, with an
 * ellipsis, so the text around it (its closing quote) survives the cut
 * to max: into cut, or t itself when short enough. */
static const char *
short_title(const char *t, char cut[NOTICE_TITLE_CUT * 4 + sizeof("…")])
{
	size_t	 i, n = 0;

	for (i = 0; t[i] != '\0'; i++)
		if (((unsigned char)t[i] & 0xc0) != 0x80 &&
		    n++ == NOTICE_TITLE_CUT)
			break;
	if (t[i] == '\0')
		return t;
	snprintf(cut, NOTICE_TITLE_CUT * 4 + sizeof("…"), "%.*s…", (int)i, t);
	return cut;
}

void
notice_words(struct buf *b, const char *lang, const char *type,
    const char *part, const char *title, const char *when, size_t max)
{
	char		 key[128], cut[NOTICE_TITLE_CUT * 4 + sizeof("…")];
	const char	*s, *at, *t, *w;

	snprintf(key, sizeof(key), "notifications.kinds.%s.%s", type, part);
	s = i18n_get(lang, key);
	title = short_title(title != NULL ? title : "", cut);
	buf_reset(b);
	for (;;) {
		t = strstr(s, "{title}");
		w = strstr(s, "{when}");
		at = t == NULL || (w != NULL && w < t) ? w : t;
		if (at == NULL)
			break;
		buf_append(b, s, (size_t)(at - s));
		buf_puts(b, at == t ? title : when != NULL ? when : "");
		s = at + (at == t ? strlen("{title}") : strlen("{when}"));
	}
	buf_puts(b, s);
	clip(b, max);
}

char *
notice_params(const char *part, const char *title, const char *when)
{
	json_t	*o;
	char	*s;

	o = json_pack("{s:s, s:s, s:s}", "part", part, "title",
	    title != NULL ? title : "", "when", when != NULL ? when : "");
	if (o == NULL)
		return NULL;
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

void
notice_localize(json_t *row, const char *lang)
{
	const char	*text, *type, *part, *title, *when;
	char		 key[128];
	json_t		*p;
	struct buf	 b;

	text = json_string_value(json_object_get(row, "params"));
	type = json_string_value(json_object_get(row, "type"));
	p = text != NULL ? json_loads(text, 0, NULL) : NULL;
	json_object_del(row, "params");
	part = json_string_value(json_object_get(p, "part"));
	title = json_string_value(json_object_get(p, "title"));
	when = json_string_value(json_object_get(p, "when"));
	/* A kind the catalog no longer has keeps the words it was given. */
	if (lang != NULL && type != NULL && part != NULL && title != NULL &&
	    i18n_known(lang) &&
	    snprintf(key, sizeof(key), "notifications.kinds.%s.title", type) <
	    (int)sizeof(key) && strcmp(i18n_get(lang, key), key) != 0) {
		buf_init(&b);
		notice_words(&b, lang, type, "title", title, NULL,
		    NOTICE_TITLE_MAX);
		json_object_set_new(row, "title", json_string(buf_str(&b)));
		notice_words(&b, lang, type, part, title, when,
		    NOTICE_BODY_MAX);
		json_object_set_new(row, "body", json_string(buf_str(&b)));
		buf_free(&b);
	}
	json_decref(p);
}
