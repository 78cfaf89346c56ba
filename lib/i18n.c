/* i18n: JSON catalogs and language negotiation. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "i18n.h"
#include "log.h"

static const char *const langs[] = { "es", "en" };
#define NLANGS	(sizeof(langs) / sizeof(langs[0]))

static json_t	*catalogs[NLANGS];

static int
lang_index(const char *lang)
{
	size_t	 i;

	if (lang == NULL)
		return -1;
	for (i = 0; i < NLANGS; i++)
		if (strcasecmp(lang, langs[i]) == 0)
			return (int)i;
	return -1;
}

bool
i18n_known(const char *lang)
{
	return lang_index(lang) >= 0;
}

/* Each program may bring its own words as <lang>-<program>.json beside
 * the shared catalog; they are merged into it, in name order. */
static int
i18n_load_parts(const char *dir, const char *lang, json_t *into)
{
	struct dirent	**names = NULL;
	char		 path[4096], prefix[8];
	json_error_t	 err;
	json_t		*part;
	int		 n, i, rc = 0;
	size_t		 len;

	snprintf(prefix, sizeof(prefix), "%s-", lang);
	if ((n = scandir(dir, &names, NULL, alphasort)) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		len = strlen(names[i]->d_name);
		if (rc == 0 && strncmp(names[i]->d_name, prefix, 3) == 0 &&
		    len > 8 && strcmp(names[i]->d_name + len - 5, ".json") == 0) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			part = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
			if (!json_is_object(part) ||
			    json_object_update_recursive(into, part) != 0) {
				log_warnx("catalog %s:%d: %s", path, err.line,
				    err.text);
				rc = -1;
			}
			json_decref(part);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
i18n_load(const char *dir)
{
	char		 path[4096];
	json_error_t	 err;
	size_t		 i;

	for (i = 0; i < NLANGS; i++) {
		snprintf(path, sizeof(path), "%s/%s.json", dir, langs[i]);
		json_decref(catalogs[i]);
		catalogs[i] = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
		if (catalogs[i] == NULL || !json_is_object(catalogs[i])) {
			log_warnx("catalog %s:%d: %s", path, err.line, err.text);
			return -1;
		}
		if (i18n_load_parts(dir, langs[i], catalogs[i]) != 0)
			return -1;
	}
	return 0;
}

void
i18n_free(void)
{
	size_t	 i;

	for (i = 0; i < NLANGS; i++) {
		json_decref(catalogs[i]);
		catalogs[i] = NULL;
	}
}

/* Best of our languages in an Accept-Language header, by q-value. */
static int
accept_pick(const char *h)
{
	double		 q, bestq = 0;
	int		 best = -1, idx;
	const char	*p, *end, *semi;
	char		 tag[3];

	for (p = h; p != NULL && *p != '\0'; p = end ? end + 1 : NULL) {
		while (*p == ' ' || *p == ',')
			p++;
		end = strchr(p, ',');
		if (strlen(p) < 2)
			break;
		tag[0] = p[0];
		tag[1] = p[1];
		tag[2] = '\0';
		if (p[2] != '\0' && p[2] != '-' && p[2] != ';' && p[2] != ',' &&
		    p[2] != ' ' && p[2] != '\t')
			continue;
		q = 1.0;
		semi = strchr(p, ';');
		if (semi != NULL && (end == NULL || semi < end)) {
			/* weight = OWS ";" OWS "q=" qvalue (RFC 9110) */
			semi++;
			while (*semi == ' ' || *semi == '\t')
				semi++;
			if (strncmp(semi, "q=", 2) == 0)
				q = strtod(semi + 2, NULL);
		}
		if ((idx = lang_index(tag)) >= 0 && q > bestq) {
			best = idx;
			bestq = q;
		}
	}
	return best;
}

const char *
i18n_pick(const char *query, const char *cookie, const char *accept)
{
	int	 i;

	if ((i = lang_index(query)) >= 0)
		return langs[i];
	if ((i = lang_index(cookie)) >= 0)
		return langs[i];
	if (accept != NULL && (i = accept_pick(accept)) >= 0)
		return langs[i];
	return I18N_DEFAULT;
}

json_t *
i18n_catalog(const char *lang)
{
	int	 i;

	i = lang_index(lang);
	return catalogs[i < 0 ? 0 : i];
}

const char *
i18n_get(const char *lang, const char *key)
{
	json_t		*v;
	const char	*p, *dot;
	char		 part[64];
	size_t		 n;

	v = i18n_catalog(lang);
	for (p = key; v != NULL; p = dot + 1) {
		dot = strchr(p, '.');
		n = dot ? (size_t)(dot - p) : strlen(p);
		if (n >= sizeof(part))
			return key;
		memcpy(part, p, n);
		part[n] = '\0';
		v = json_object_get(v, part);
		if (dot == NULL)
			break;
	}
	return json_is_string(v) ? json_string_value(v) : key;
}

const char *
i18n_format(struct arena *a, const char *lang, const char *key,
    long long min, long long max)
{
	const char	*s, *p;
	struct buf	 b;
	char		*out;

	s = i18n_get(lang, key);
	if (strchr(s, '{') == NULL)
		return s;
	buf_init(&b);
	for (p = s; *p != '\0'; p++) {
		if (strncmp(p, "{min}", 5) == 0) {
			buf_printf(&b, "%lld", min);
			p += 4;
		} else if (strncmp(p, "{max}", 5) == 0) {
			buf_printf(&b, "%lld", max);
			p += 4;
		} else
			buf_putc(&b, *p);
	}
	out = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return out;
}
