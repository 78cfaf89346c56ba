/*
 * users: profiles, organisations, account deletion and the admin's view.
 * Owns the profile columns of users and the organizations table; revokes
 * sessions and refresh tokens (auth's tables) when an account is deleted
 * or disabled.
 *
 *   GET  /users/me                     my profile (page: the edit form)
 *   POST /users/me, PATCH /api/v1/users/me        change it
 *   POST /users/me/delete, DELETE /api/v1/users/me delete my account
 *   GET  /users/{id}                   a public profile (no e-mail, no phone)
 *   GET  /users?role=&q=&page=         admin: every account
 *   POST /users/{id}, PATCH /api/v1/users/{id}     admin: role, disabled
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cfg.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "passwd.h"
#include "req.h"
#include "sess.h"

#define PAGE_SIZE	20

enum us_field {
	US_NAME, US_PHONE, US_CITY, US_BIO, US_LANG, US_ORG, US_TAX_ID,
	US_WEBSITE, US_DESCRIPTION, US_PASSWORD, US_ROLE, US_DISABLED, US_Q,
	US_PAGE, US__MAX
};

static const char *const langs[] = { "es", "en", NULL };
static const char *const roles[] = {
	"admin", "ong", "empresa", "externo", "cliente", "profesional", NULL
};

static const struct field fields[US__MAX] = {
	{ "name", valid_line, 1, 100, NULL },		/* US_NAME */
	{ "phone", valid_phone, 0, 30, NULL },		/* US_PHONE */
	{ "city", valid_line, 0, 100, NULL },		/* US_CITY */
	{ "bio", valid_text, 0, 2000, NULL },		/* US_BIO */
	{ "lang", valid_enum, 0, 0, langs },		/* US_LANG */
	{ "organization", valid_line, 1, 200, NULL },	/* US_ORG */
	{ "tax_id", valid_line, 1, 32, NULL },		/* US_TAX_ID */
	{ "website", valid_url, 0, 300, NULL },		/* US_WEBSITE */
	{ "description", valid_text, 0, 2000, NULL },	/* US_DESCRIPTION */
	{ "password", valid_secret, 1, 1024, NULL },	/* US_PASSWORD */
	{ "role", valid_enum, 0, 0, roles },		/* US_ROLE */
	{ "disabled", valid_bool, 0, 0, NULL },		/* US_DISABLED */
	{ "q", valid_line, 0, 100, NULL },		/* US_Q */
	{ "page", valid_int, 1, 100000, NULL },		/* US_PAGE */
};

enum us_stmt {
	STMT_ME,
	STMT_ORG,
	STMT_HASH,
	STMT_UPDATE,
	STMT_ORG_INSERT,
	STMT_ORG_UPDATE,
	STMT_ANONYMISE,
	STMT_ORG_DELETE,
	STMT_RESETS_DELETE,
	STMT_SESSIONS_REVOKE,
	STMT_REFRESH_REVOKE,
	STMT_PUBLIC,
	STMT_LIST,
	STMT_ROLE_OF,
	STMT_ADMIN_UPDATE,
	STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_ME: the profile and its organisation in one round trip */
	{ "SELECT u.id, u.email, u.name, u.role, u.lang, u.phone, u.city, u.bio, "
	  "u.created_at, u.avatar_file_id, o.user_id IS NOT NULL AS has_org, "
	  "o.name AS org_name, "
	  "o.tax_id AS org_tax_id, o.website AS org_website, o.description AS "
	  "org_description FROM users u LEFT JOIN organizations o ON o.user_id "
	  "= u.id WHERE u.id = ? AND u.deleted_at IS NULL", NULL, 0 },
	/* STMT_ORG */
	{ "SELECT name, tax_id, website, description FROM organizations "
	  "WHERE user_id = ?", NULL, 0 },
	/* STMT_HASH */
	{ "SELECT password_hash FROM users WHERE id = ?", NULL, 0 },
	/* STMT_UPDATE: a NULL parameter keeps the column; "" clears it */
	{ "UPDATE users SET name = COALESCE(?, name), "
	  "phone = IF(? IS NULL, phone, NULLIF(?, '')), "
	  "city = IF(? IS NULL, city, NULLIF(?, '')), "
	  "bio = IF(? IS NULL, bio, NULLIF(?, '')), "
	  "lang = COALESCE(?, lang) WHERE id = ? AND deleted_at IS NULL",
	  NULL, 0 },
	/* STMT_ORG_INSERT: a first organisation needs its name and tax id */
	{ "INSERT INTO organizations (user_id, name, tax_id, website, "
	  "description) VALUES (?, ?, ?, NULLIF(?, ''), NULLIF(?, ''))",
	  NULL, 0 },
	/* STMT_ORG_UPDATE: like STMT_UPDATE, absent keeps and "" clears */
	{ "UPDATE organizations SET name = COALESCE(?, name), "
	  "tax_id = COALESCE(?, tax_id), "
	  "website = IF(? IS NULL, website, NULLIF(?, '')), "
	  "description = IF(? IS NULL, description, NULLIF(?, '')) "
	  "WHERE user_id = ?", NULL, 0 },
	/* STMT_ANONYMISE: what other people's records point at stays */
	{ "UPDATE users SET email = CONCAT('deleted-', id, '@deleted.invalid'), "
	  "name = ?, phone = NULL, city = NULL, bio = NULL, "
	  "password_hash = '!', disabled = 1, deleted_at = UTC_TIMESTAMP() "
	  "WHERE id = ? AND deleted_at IS NULL", NULL, 0 },
	/* STMT_ORG_DELETE */
	{ "DELETE FROM organizations WHERE user_id = ?", NULL, 0 },
	/* STMT_RESETS_DELETE */
	{ "DELETE FROM password_resets WHERE user_id = ?", NULL, 0 },
	/* STMT_SESSIONS_REVOKE */
	{ "UPDATE sessions SET revoked_at = UTC_TIMESTAMP() WHERE user_id = ? "
	  "AND revoked_at IS NULL", NULL, 0 },
	/* STMT_REFRESH_REVOKE */
	{ "UPDATE refresh_tokens SET revoked_at = UTC_TIMESTAMP() WHERE "
	  "user_id = ? AND revoked_at IS NULL", NULL, 0 },
	/* STMT_PUBLIC */
	{ "SELECT u.id, u.name, u.role, u.city, u.bio, u.created_at, "
	  "o.name AS organization, o.website, o.description "
	  "FROM users u LEFT JOIN organizations o ON o.user_id = u.id "
	  "WHERE u.id = ? AND u.deleted_at IS NULL AND u.disabled = 0", NULL, 0 },
	/* STMT_LIST: one row more than a page tells whether there is a next */
	{ "SELECT id, email, name, role, disabled, created_at FROM users "
	  "WHERE deleted_at IS NULL AND (? IS NULL OR role = ?) AND "
	  "(? IS NULL OR name LIKE ? OR email LIKE ?) "
	  "ORDER BY id DESC LIMIT ? OFFSET ?", NULL, 0 },
	/* STMT_ROLE_OF */
	{ "SELECT id, role, disabled FROM users WHERE id = ? AND "
	  "deleted_at IS NULL FOR UPDATE", NULL, 0 },
	/* STMT_ADMIN_UPDATE */
	{ "UPDATE users SET role = COALESCE(?, role), "
	  "disabled = COALESCE(?, disabled) WHERE id = ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

static bool
is_org_role(const char *role)
{
	return role != NULL && (strcmp(role, "ong") == 0 ||
	    strcmp(role, "empresa") == 0);
}

/* Reads my profile (and organisation) into m["profile"] and the API's
 * top-level fields. */
static enum db_status
load_me(struct req *r, json_t *m)
{
	static const char *const org_cols[][2] = {
		{ "org_name", "name" }, { "org_tax_id", "tax_id" },
		{ "org_website", "website" }, { "org_description", "description" },
	};
	json_t		*me = NULL, *org;
	enum db_status	 rc;
	size_t		 i;

	rc = db_query_one(&stmts[STMT_ME], P(DB_INT(r->user.id)), &me);
	if (rc != DB_OK)
		return rc;
	org = json_integer_value(json_object_get(me, "has_org")) ?
	    json_object() : json_null();
	for (i = 0; i < sizeof(org_cols) / sizeof(org_cols[0]); i++) {
		if (json_is_object(org))
			json_object_set(org, org_cols[i][1],
			    json_object_get(me, org_cols[i][0]));
		json_object_del(me, org_cols[i][0]);
	}
	json_object_del(me, "has_org");
	json_object_set_new(me, "organization", org);
	json_object_set_new(me, "is_org", json_boolean(is_org_role(
	    json_string_value(json_object_get(me, "role")))));
	json_object_update(m, me);
	json_object_set_new(m, "profile", me);
	return DB_OK;
}

/*
 * GET /users/me: the signed-in user's own profile, with e-mail and phone.
 * Any signed-in role.
 */
static enum http_status
users_me(struct req *r, json_t *m)
{
	return app_db_status(load_me(r, m));
}

struct update {
	struct req	*r;
	bool		 org;
};

static enum db_status
update_tx(void *arg)
{
	struct update	*u = arg;
	struct req	*r = u->r;
	json_t		*org = NULL;
	const char	*name, *tax, *web, *desc;
	enum db_status	 rc;
	const char	*phone = req_value(r, US_PHONE);
	const char	*city = req_value(r, US_CITY);
	const char	*bio = req_value(r, US_BIO);

	rc = db_exec(&stmts[STMT_UPDATE], P(DB_TEXT(req_value(r, US_NAME)),
	    DB_TEXT(phone), DB_TEXT(phone), DB_TEXT(city), DB_TEXT(city),
	    DB_TEXT(bio), DB_TEXT(bio), DB_TEXT(req_value(r, US_LANG)),
	    DB_INT(r->user.id)), NULL, NULL);
	if (rc != DB_OK || !u->org)
		return rc;
	rc = db_query_one(&stmts[STMT_ORG], P(DB_INT(r->user.id)), &org);
	json_decref(org);
	if (rc == DB_NOTFOUND && !req_require(r, US_ORG, US_TAX_ID, -1))
		return DB_CONFLICT;	/* rolled back; the form says why */
	if (rc != DB_OK && rc != DB_NOTFOUND)
		return rc;
	name = req_value(r, US_ORG);
	tax = req_value(r, US_TAX_ID);
	web = req_value(r, US_WEBSITE);
	desc = req_value(r, US_DESCRIPTION);
	if (rc == DB_NOTFOUND)
		return db_exec(&stmts[STMT_ORG_INSERT], P(DB_INT(r->user.id),
		    DB_TEXT(name), DB_TEXT(tax), DB_TEXT(web ? web : ""),
		    DB_TEXT(desc ? desc : "")), NULL, NULL);
	return db_exec(&stmts[STMT_ORG_UPDATE], P(DB_TEXT(name), DB_TEXT(tax),
	    DB_TEXT(web), DB_TEXT(web), DB_TEXT(desc), DB_TEXT(desc),
	    DB_INT(r->user.id)), NULL, NULL);
}

/*
 * POST /users/me and PATCH /api/v1/users/me: changes name, phone, city,
 * bio, lang and, for NGOs and companies, the organisation (name and tax id
 * required together).  Absent fields stay; an empty optional field is
 * cleared.  Any signed-in role.  200 with the profile, or the form again.
 */
static enum http_status
users_update(struct req *r, json_t *m)
{
	struct update	 u = { r, false };
	enum db_status	 rc;
	size_t		 i;
	json_t		*p;

	if (r->values[US_NAME] != NULL)
		req_require(r, US_NAME, -1);
	/* Any organisation field changes the organisation: absent ones stay. */
	if (is_org_role(r->user.role_name) && (r->values[US_ORG] != NULL ||
	    r->values[US_TAX_ID] != NULL || r->values[US_WEBSITE] != NULL ||
	    r->values[US_DESCRIPTION] != NULL))
		u.org = true;
	if (!r->has_invalid) {
		rc = db_tx(update_tx, &u);
		if (rc != DB_OK && !(rc == DB_CONFLICT && r->has_invalid))
			return app_db_status(rc);
		if (rc == DB_OK && req_value(r, US_LANG) != NULL) {
			r->lang = req_value(r, US_LANG);
			r->set_lang = true;
		}
	}
	if ((rc = load_me(r, m)) != DB_OK)
		return app_db_status(rc);
	if (r->has_invalid) {
		/* Show what was typed, not what is stored. */
		p = json_object_get(m, "profile");
		for (i = US_NAME; i <= US_BIO; i++)
			if (r->values[i] != NULL)
				json_object_set_new(p, fields[i].name,
				    json_string(r->values[i]));
		return HTTP_UNPROCESSABLE;
	}
	r->redirect = "/users/me";
	r->flash = "saved";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

static enum db_status
delete_tx(void *arg)
{
	struct req	*r = arg;
	enum db_status	 rc;
	int64_t		 uid = r->user.id;

	if ((rc = db_exec(&stmts[STMT_ANONYMISE], P(DB_TEXT(i18n_get(r->lang,
	    "user.deleted_name")), DB_INT(uid)), NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_ORG_DELETE], P(DB_INT(uid)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_RESETS_DELETE], P(DB_INT(uid)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_SESSIONS_REVOKE], P(DB_INT(uid)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_REFRESH_REVOKE], P(DB_INT(uid)), NULL,
	    NULL)) != DB_OK)
		return rc;
	return outbox_append("user.deleted", json_pack("{s:I}", "user_id",
	    (json_int_t)uid));
}

/*
 * POST /users/me/delete (page, confirmed with the password) and DELETE
 * /api/v1/users/me: removes personal data, keeps an anonymous row for
 * what other people's records point at, ends every session.  204, or home.
 */
static enum http_status
users_delete(struct req *r, json_t *m)
{
	json_t		*row = NULL;
	enum db_status	 rc;
	bool		 ok;

	if (!r->api) {
		if (!req_require(r, US_PASSWORD, -1)) {
			users_me(r, m);
			return HTTP_UNPROCESSABLE;
		}
		rc = db_query_one(&stmts[STMT_HASH], P(DB_INT(r->user.id)), &row);
		if (rc != DB_OK)
			return app_db_status(rc);
		ok = passwd_verify(json_string_value(json_object_get(row,
		    "password_hash")), req_value(r, US_PASSWORD));
		json_decref(row);
		if (!ok) {
			req_set_invalid(r, US_PASSWORD, "valid.wrong_password");
			users_me(r, m);
			return HTTP_UNPROCESSABLE;
		}
	}
	req_focus(r, -1);
	if ((rc = db_tx(delete_tx, r)) != DB_OK)
		return app_db_status(rc);
	req_add_cookie(r, sess_cookie(r, SESS_COOKIE, "", 0));
	r->redirect = "/";
	r->flash = "account_deleted";
	return HTTP_NO_CONTENT;
}

/*
 * GET /users/{id}: anyone.  Name, role, city, bio and organisation; never
 * the e-mail or phone.  404 for deleted or disabled accounts.
 */
static enum http_status
users_show(struct req *r, json_t *m)
{
	json_t		*u = NULL;
	enum db_status	 rc;

	req_focus(r, -1);
	if ((rc = db_query_one(&stmts[STMT_PUBLIC], P(DB_INT(r->id)), &u)) !=
	    DB_OK)
		return app_db_status(rc);
	json_object_update(m, u);
	json_object_set_new(m, "profile", u);
	return HTTP_OK;
}

/* "%q%" with LIKE's wildcards in q taken literally. */
static const char *
like_pattern(struct req *r, const char *q)
{
	char	*p, *o;

	p = o = arena_alloc(r->arena, strlen(q) * 2 + 3);
	*o++ = '%';
	for (; *q != '\0'; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*o++ = '\\';
		*o++ = *q;
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

/*
 * GET /users?role=&q=&page=: admins only.  Twenty accounts a page, newest
 * first; {items, next} where next is the following page number or null.
 */
static enum http_status
users_list(struct req *r, json_t *m)
{
	const char	*role, *q, *like;
	long long	 page = 1;
	json_t		*rows = NULL;
	enum db_status	 rc;

	if (r->invalid[US_ROLE] != NULL || r->invalid[US_Q] != NULL ||
	    r->invalid[US_PAGE] != NULL)
		return HTTP_UNPROCESSABLE;
	req_focus(r, -1);
	role = req_value(r, US_ROLE);
	if (role != NULL && *role == '\0')
		role = NULL;
	q = req_value(r, US_Q);
	if (q != NULL && *q == '\0')
		q = NULL;
	like = q != NULL ? like_pattern(r, q) : NULL;
	if (!req_int(r, US_PAGE, &page))
		page = 1;
	rc = db_query(&stmts[STMT_LIST], P(DB_TEXT(role), DB_TEXT(role),
	    DB_TEXT(like), DB_TEXT(like), DB_TEXT(like), DB_INT(PAGE_SIZE + 1),
	    DB_INT((page - 1) * PAGE_SIZE)), &rows);
	if (rc != DB_OK)
		return app_db_status(rc);
	if (json_array_size(rows) > PAGE_SIZE) {
		json_array_remove(rows, PAGE_SIZE);
		json_object_set_new(m, "next", json_integer(page + 1));
	} else
		json_object_set_new(m, "next", json_null());
	json_object_set_new(m, "items", rows);
	json_object_set_new(m, "page", json_integer(page));
	json_object_set_new(m, "filter", json_pack("{s:s, s:s}", "role",
	    role ? role : "", "q", q ? q : ""));
	if (page > 1)
		json_object_set_new(m, "prev", json_integer(page - 1));
	return HTTP_OK;
}

struct admin_update {
	struct req	*r;
	bool		 found;
	bool		 revoke;
};

static enum db_status
admin_update_tx(void *arg)
{
	struct admin_update	*a = arg;
	struct req		*r = a->r;
	json_t			*row = NULL;
	enum db_status		 rc;
	bool			 disabled = false;
	const char		*dis = NULL;

	rc = db_query_one(&stmts[STMT_ROLE_OF], P(DB_INT(r->id)), &row);
	json_decref(row);
	if (rc == DB_NOTFOUND)
		return DB_OK;	/* found stays false */
	if (rc != DB_OK)
		return rc;
	a->found = true;
	if (req_value(r, US_DISABLED) != NULL) {
		disabled = req_bool(r, US_DISABLED, false);
		dis = disabled ? "1" : "0";
		a->revoke = disabled;
	}
	if ((rc = db_exec(&stmts[STMT_ADMIN_UPDATE], P(DB_TEXT(req_value(r,
	    US_ROLE)), DB_TEXT(dis), DB_INT(r->id)), NULL, NULL)) != DB_OK)
		return rc;
	if (a->revoke && ((rc = db_exec(&stmts[STMT_SESSIONS_REVOKE],
	    P(DB_INT(r->id)), NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_REFRESH_REVOKE], P(DB_INT(r->id)), NULL,
	    NULL)) != DB_OK))
		return rc;
	return outbox_append("user.admin_changed", json_pack("{s:I, s:I, s:s?, "
	    "s:s?}", "user_id", (json_int_t)r->id, "by", (json_int_t)r->user.id,
	    "role", req_value(r, US_ROLE), "disabled", dis));
}

/*
 * POST /users/{id} and PATCH /api/v1/users/{id}: admins only.  Sets role
 * and/or disabled; disabling ends the account's sessions.  An admin cannot
 * change their own role or disable themselves (409).
 */
static enum http_status
users_admin_update(struct req *r, json_t *m)
{
	struct admin_update	 a = { r, false, false };
	enum db_status		 rc;

	if (r->invalid[US_ROLE] != NULL || r->invalid[US_DISABLED] != NULL)
		return HTTP_UNPROCESSABLE;
	req_focus(r, -1);
	if (r->id == r->user.id) {
		r->detail = "error_detail.self_admin";
		return HTTP_CONFLICT;
	}
	if ((rc = db_tx(admin_update_tx, &a)) != DB_OK)
		return app_db_status(rc);
	if (!a.found)
		return HTTP_NOT_FOUND;
	json_object_set_new(m, "id", json_integer(r->id));
	json_object_set_new(m, "role", req_value(r, US_ROLE) ?
	    json_string(req_value(r, US_ROLE)) : json_null());
	r->redirect = "/users";
	r->flash = "saved";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

static const struct route routes[] = {
	{ M_GET, "/users/me", users_me, ROLE_USER, "users/me" },
	{ M_POST | M_PATCH, "/users/me", users_update, ROLE_USER, "users/me" },
	{ M_DELETE, "/users/me", users_delete, ROLE_USER, "users/me" },
	{ M_POST, "/users/me/delete", users_delete, ROLE_USER, "users/me" },
	{ M_GET, "/users", users_list, ROLE_ADMIN, "users/list" },
	{ M_GET, "/users/{id}", users_show, ROLE_ANY, "users/show" },
	{ M_POST | M_PATCH, "/users/{id}", users_admin_update, ROLE_ADMIN,
	    "users/list" },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app users = {
	"users", routes, fields, US__MAX, stmts, STMT__MAX, passwd_init,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &users);
}
