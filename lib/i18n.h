/*
 * i18n: message catalogs, one JSON file per language under
 * templates/i18n/ (es.json is the default, en.json the other).  Templates
 * read them as {{t.some.key}}; C code asks for a key with i18n_get().
 * Catalogs are loaded once per worker and owned by this module.
 */
#ifndef AGORA_I18N_H
#define AGORA_I18N_H

#include <jansson.h>
#include <stdbool.h>

#include "arena.h"

#define I18N_DEFAULT	"es"

int		 i18n_load(const char *dir);	/* 0, or -1 with a logged reason */
void		 i18n_free(void);
bool		 i18n_known(const char *lang);
/* The language for a request: ?lang=, then the cookie, then the best
 * Accept-Language match, then Spanish.  Returns a static string. */
const char	*i18n_pick(const char *query, const char *cookie, const char *accept);
json_t		*i18n_catalog(const char *lang);	/* borrowed */
/* The string for a dotted key ("error.404"); the key itself if missing. */
const char	*i18n_get(const char *lang, const char *key);
/* i18n_get with "{min}" and "{max}" replaced. */
const char	*i18n_format(struct arena *, const char *lang, const char *key,
		    long long min, long long max);

#endif
