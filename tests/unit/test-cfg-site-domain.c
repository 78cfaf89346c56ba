/*
 * cfg_site_domain() names the installation by the host of its base_url,
 * without scheme, port or path, and by the machine's name without one.
 */
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "cfg.h"
#include "check.h"

int
main(void)
{
	char	 host[256];

	clearenv();
	CHECK(gethostname(host, sizeof(host)) == 0);
	host[sizeof(host) - 1] = '\0';
	CHECK_STR(cfg_site_domain(), host);
	cfg_set("server", "base_url", "https://agora.example.org");
	CHECK_STR(cfg_site_domain(), "agora.example.org");
	cfg_set("server", "base_url", "http://127.0.0.1:8092/");
	CHECK_STR(cfg_site_domain(), "127.0.0.1");
	cfg_set("server", "base_url", "https://ong.example.org/agora?x=1");
	CHECK_STR(cfg_site_domain(), "ong.example.org");
	cfg_set("server", "base_url", "http://[::1]:8080");
	CHECK_STR(cfg_site_domain(), "[::1]");
	/* Not an address: the machine's name again. */
	cfg_set("server", "base_url", "agora");
	CHECK_STR(cfg_site_domain(), host);
	cfg_set("server", "base_url", "https://");
	CHECK_STR(cfg_site_domain(), host);
	cfg_free();
	return CHECK_DONE();
}
