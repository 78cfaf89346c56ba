/*
 * site: the home page, its JSON twin, and the platform's /health.
 *
 *   GET /             the home page: the installed apps (ROLE_ANY)
 *   GET /api/v1/      the same as JSON
 *   GET /health       each program's state and the database's; 503 when
 *                     any is down (nginx maps /health here)
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cfg.h"
#include "fcgi.h"
#include "req.h"
#include "resp.h"

/*
 * GET / and /api/v1/: the apps installed on this host, and who is signed
 * in.  Anyone may call it.
 */
static enum http_status
site_home(struct req *r, json_t *m)
{
	json_object_set_new(m, "name", json_string("Ágora"));
	json_object_set_new(m, "apps", resp_apps(r));
	if (r->user.id != 0)
		json_object_set_new(m, "user", json_pack("{s:I, s:s, s:s}",
		    "id", (json_int_t)r->user.id, "name", r->user.name,
		    "role", r->user.role_name));
	else
		json_object_set_new(m, "user", json_null());
	return HTTP_OK;
}

/*
 * GET /health: {"status", "database", "programs": {name: "up"|"down"}}.
 * A program is up when its socket accepts a connection, which needs its
 * supervisor alive.  Anyone may call it; it reveals no data.
 */
static enum http_status
site_health(struct req *r, json_t *m)
{
	const char	*list, *dir, *p, *end;
	char		 name[64], path[4096];
	json_t		*progs;
	bool		 ok, db_up;
	size_t		 n;

	progs = json_object();
	list = cfg_str("server", "programs", "site");
	dir = cfg_str("server", "socket_dir", "var/run");
	ok = db_up = db_ping() == DB_OK;
	for (p = list; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ", ");
		n = (size_t)(end - p);
		if (n == 0 || n >= sizeof(name))
			continue;
		memcpy(name, p, n);
		name[n] = '\0';
		snprintf(path, sizeof(path), "%s/%s.sock", dir, name);
		if (strcmp(name, app_current()->name) == 0 || fcgi_alive(path))
			json_object_set_new(progs, name, json_string("up"));
		else {
			json_object_set_new(progs, name, json_string("down"));
			ok = false;
		}
	}
	json_object_set_new(m, "status", json_string(ok ? "ok" : "down"));
	json_object_set_new(m, "database", json_string(db_up ? "up" : "down"));
	json_object_set_new(m, "programs", progs);
	r->detail = "error_detail.health";
	return ok ? HTTP_OK : HTTP_UNAVAILABLE;
}

static const struct route routes[] = {
	{ M_GET, "/", site_home, ROLE_ANY, "site/home" },
	{ M_GET, "/health", site_health, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app site = {
	"site", routes, NULL, 0, NULL, 0, NULL,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &site);
}
