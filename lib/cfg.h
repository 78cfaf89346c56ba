/*
 * cfg: the one configuration file (agora.conf, INI) plus environment
 * overrides.  AGORA_<SECTION>_<KEY> (upper case) wins over the file, so
 * secrets can come from the service manager instead of a file.  Values
 * are owned by the module for the life of the process.
 */
#ifndef AGORA_CFG_H
#define AGORA_CFG_H

#include <stdbool.h>

int		 cfg_load(const char *path);	/* 0, or -1 with a logged reason */
void		 cfg_set(const char *section, const char *key, const char *value);
const char	*cfg_str(const char *section, const char *key, const char *def);
long long	 cfg_int(const char *section, const char *key, long long def);
bool		 cfg_bool(const char *section, const char *key, bool def);
/* The site's domain, for names that must not collide with another
 * installation's (calendar UIDs, Message-IDs): the host of [server]
 * base_url, else the machine's name. */
const char	*cfg_site_domain(void);
void		 cfg_free(void);

#endif
