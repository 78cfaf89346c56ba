/* cfg: INI file via inih, environment overrides, typed getters. */
#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "log.h"
#include "mem.h"
#include "valid.h"

struct cfg_entry {
	char	*section;
	char	*key;
	char	*value;
};

static struct cfg_entry	*entries;
static size_t		 nentries;

void
cfg_set(const char *section, const char *key, const char *value)
{
	size_t	 i;

	for (i = 0; i < nentries; i++)
		if (strcmp(entries[i].section, section) == 0 &&
		    strcmp(entries[i].key, key) == 0) {
			x_free(entries[i].value);
			entries[i].value = x_strdup(value);
			return;
		}
	entries = x_realloc(entries, (nentries + 1) * sizeof(*entries));
	entries[nentries].section = x_strdup(section);
	entries[nentries].key = x_strdup(key);
	entries[nentries].value = x_strdup(value);
	nentries++;
}

static int
cfg_handler(void *arg, const char *section, const char *key, const char *value)
{
	(void)arg;	/* inih's callback signature; no state needed */
	cfg_set(section, key, value);
	return 1;
}

int
cfg_load(const char *path)
{
	int	 rc;

	if (path == NULL)
		return 0;
	rc = ini_parse(path, cfg_handler, NULL);
	if (rc < 0) {
		log_warnx("cannot read config %s", path);
		return -1;
	}
	if (rc > 0) {
		log_warnx("config %s: syntax error on line %d", path, rc);
		return -1;
	}
	return 0;
}

/* AGORA_DB_PASSWORD for ("db", "password"). */
static const char *
cfg_env(const char *section, const char *key)
{
	char	 name[128];
	size_t	 i, n;

	n = (size_t)snprintf(name, sizeof(name), "AGORA_%s_%s", section, key);
	if (n >= sizeof(name))
		return NULL;
	for (i = 0; i < n; i++)
		name[i] = (char)toupper((unsigned char)name[i]);
	return getenv(name);
}

const char *
cfg_str(const char *section, const char *key, const char *def)
{
	const char	*v;
	size_t		 i;

	if ((v = cfg_env(section, key)) != NULL)
		return v;
	for (i = 0; i < nentries; i++)
		if (strcmp(entries[i].section, section) == 0 &&
		    strcmp(entries[i].key, key) == 0)
			return entries[i].value;
	return def;
}

long long
cfg_int(const char *section, const char *key, long long def)
{
	const char	*v;
	long long	 n;

	if ((v = cfg_str(section, key, NULL)) == NULL)
		return def;
	if (!valid_parse_int(v, -1000000000000LL, 1000000000000LL, &n)) {
		log_warnx("config %s.%s: \"%s\" is not a number; using %lld",
		    section, key, v, def);
		return def;
	}
	return n;
}

bool
cfg_bool(const char *section, const char *key, bool def)
{
	const char	*v;
	bool		 b;

	if ((v = cfg_str(section, key, NULL)) == NULL)
		return def;
	if (!valid_parse_bool(v, &b)) {
		log_warnx("config %s.%s: \"%s\" is not true/false", section,
		    key, v);
		return def;
	}
	return b;
}

const char *
cfg_site_domain(void)
{
	static char	 name[256];
	const char	*url = cfg_str("server", "base_url", ""), *host;
	size_t		 len;

	if ((host = strstr(url, "://")) != NULL) {
		host += 3;	/* no port: it has no place in a Message-ID */
		len = host[0] == '[' ? strcspn(host, "]") + 1 :
		    strcspn(host, ":/?#");
		if (len > 0 && len < sizeof(name)) {
			memcpy(name, host, len);
			name[len] = '\0';
			return name;
		}
	}
	if (gethostname(name, sizeof(name)) != 0 || name[0] == '\0')
		return "localhost";
	name[sizeof(name) - 1] = '\0';
	return name;
}

void
cfg_free(void)
{
	size_t	 i;

	for (i = 0; i < nentries; i++) {
		x_free(entries[i].section);
		x_free(entries[i].key);
		x_free(entries[i].value);
	}
	x_free(entries);
	entries = NULL;
	nentries = 0;
}
