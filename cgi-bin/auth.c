/*
 * auth: signing up, in and out; tokens for the mobile app; forgotten
 * passwords.  Owns users (creation, credentials), sessions,
 * refresh_tokens, password_resets and login_throttle.
 *
 *   GET  /register, POST /register, POST /api/v1/auth/register
 *   GET  /login,    POST /login,    POST /api/v1/auth/login
 *   POST /logout,   POST /api/v1/auth/logout
 *   POST /api/v1/auth/refresh
 *   GET  /password/forgot, POST /password/forgot, POST /api/v1/auth/password/forgot
 *   GET  /password/reset,  POST /password/reset,  POST /api/v1/auth/password/reset
 *
 * The seeds' routes (POST /auth/login with form username/password,
 * POST /auth/register with nombre/apellido/rol, POST /api/auth/login) are
 * mapped here by nginx.
 */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cfg.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "passwd.h"
#include "req.h"
#include "resp.h"
#include "sess.h"

#define REFRESH_DAYS	30
#define RESET_MINUTES	60
#define ACCOUNT_LOCK_AFTER 5	/* failures before delays start, per account */
#define ADDRESS_LOCK_AFTER 20	/* and per address */

enum au_field {
	AU_EMAIL, AU_USERNAME, AU_PASSWORD, AU_NAME, AU_NOMBRE, AU_APELLIDO,
	AU_ROLE, AU_ROL, AU_ORG, AU_TAX_ID, AU_REFRESH, AU_TOKEN, AU_NEXT,
	AU_CURRENT, AU_NEW, AU__MAX
};

static const char *const signup_roles[] = {
	"ong", "empresa", "externo", "cliente", "profesional", NULL
};

static const struct field fields[AU__MAX] = {
	{ "email", valid_email, 0, 254, NULL },		/* AU_EMAIL */
	{ "username", valid_email, 0, 254, NULL },	/* AU_USERNAME */
	{ "password", valid_secret, 8, 128, NULL },	/* AU_PASSWORD */
	{ "name", valid_line, 1, 100, NULL },		/* AU_NAME */
	{ "nombre", valid_line, 1, 50, NULL },		/* AU_NOMBRE */
	{ "apellido", valid_line, 0, 50, NULL },	/* AU_APELLIDO */
	{ "role", valid_enum, 0, 0, signup_roles },	/* AU_ROLE */
	{ "rol", valid_enum, 0, 0, signup_roles },	/* AU_ROL */
	{ "organization", valid_line, 1, 200, NULL },	/* AU_ORG */
	{ "tax_id", valid_line, 1, 32, NULL },		/* AU_TAX_ID */
	{ "refresh_token", valid_line, 1, 200, NULL },	/* AU_REFRESH */
	{ "token", valid_line, 1, 200, NULL },		/* AU_TOKEN */
	{ "next", valid_line, 0, 500, NULL },		/* AU_NEXT */
	{ "current_password", valid_secret, 1, 1024, NULL }, /* AU_CURRENT */
	{ "new_password", valid_secret, 8, 128, NULL },	/* AU_NEW */
};

enum au_stmt {
	STMT_USER_BY_EMAIL,
	STMT_USER_BY_ID,
	STMT_USER_HASH,
	STMT_USER_INSERT,
	STMT_ORG_INSERT,
	STMT_USER_REHASH,
	STMT_USER_SET_PASSWORD,
	STMT_SESSION_INSERT,
	STMT_SESSION_REVOKE,
	STMT_SESSION_REVOKE_USER,
	STMT_REFRESH_INSERT,
	STMT_REFRESH_GET,
	STMT_REFRESH_USE,
	STMT_REFRESH_REVOKE_FAMILY,
	STMT_REFRESH_REVOKE_USER,
	STMT_RESET_INSERT,
	STMT_RESET_GET,
	STMT_RESET_USE,
	STMT_THROTTLE_GET,
	STMT_THROTTLE_FAIL,
	STMT_THROTTLE_CLEAR,
	STMT__MAX
};

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_USER_BY_EMAIL */
	{ "SELECT id, name, role, lang, password_hash, disabled FROM users "
	  "WHERE email = ? AND deleted_at IS NULL", NULL, 0 },
	/* STMT_USER_BY_ID */
	{ "SELECT id, email, name, role, lang, disabled FROM users WHERE id = ?",
	  NULL, 0 },
	/* STMT_USER_HASH */
	{ "SELECT password_hash FROM users WHERE id = ?", NULL, 0 },
	/* STMT_USER_INSERT */
	{ "INSERT INTO users (email, password_hash, name, role, lang) "
	  "VALUES (?, ?, ?, ?, ?)", NULL, 0 },
	/* STMT_ORG_INSERT */
	{ "INSERT INTO organizations (user_id, name, tax_id) VALUES (?, ?, ?)",
	  NULL, 0 },
	/* STMT_USER_REHASH */
	{ "UPDATE users SET password_hash = ? WHERE id = ?", NULL, 0 },
	/* STMT_USER_SET_PASSWORD */
	{ "UPDATE users SET password_hash = ?, password_changed_at = "
	  "UTC_TIMESTAMP() WHERE id = ?", NULL, 0 },
	/* STMT_SESSION_INSERT */
	{ "INSERT INTO sessions (token_hash, user_id, idle_expires_at, "
	  "expires_at) VALUES (?, ?, UTC_TIMESTAMP() + INTERVAL ? MINUTE, "
	  "UTC_TIMESTAMP() + INTERVAL ? DAY)", NULL, 0 },
	/* STMT_SESSION_REVOKE */
	{ "UPDATE sessions SET revoked_at = UTC_TIMESTAMP() WHERE token_hash = ? "
	  "AND revoked_at IS NULL", NULL, 0 },
	/* STMT_SESSION_REVOKE_USER */
	{ "UPDATE sessions SET revoked_at = UTC_TIMESTAMP() WHERE user_id = ? "
	  "AND revoked_at IS NULL", NULL, 0 },
	/* STMT_REFRESH_INSERT */
	{ "INSERT INTO refresh_tokens (family_id, user_id, token_hash, "
	  "expires_at) VALUES (?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? DAY)",
	  NULL, 0 },
	/* STMT_REFRESH_GET: locks the row so two refreshes cannot both win */
	{ "SELECT id, family_id, user_id, used_at IS NOT NULL OR revoked_at IS "
	  "NOT NULL AS spent, expires_at > UTC_TIMESTAMP() AS live "
	  "FROM refresh_tokens WHERE token_hash = ? FOR UPDATE", NULL, 0 },
	/* STMT_REFRESH_USE */
	{ "UPDATE refresh_tokens SET used_at = UTC_TIMESTAMP() WHERE id = ?",
	  NULL, 0 },
	/* STMT_REFRESH_REVOKE_FAMILY */
	{ "UPDATE refresh_tokens SET revoked_at = UTC_TIMESTAMP() WHERE "
	  "family_id = ? AND revoked_at IS NULL", NULL, 0 },
	/* STMT_REFRESH_REVOKE_USER */
	{ "UPDATE refresh_tokens SET revoked_at = UTC_TIMESTAMP() WHERE "
	  "user_id = ? AND revoked_at IS NULL", NULL, 0 },
	/* STMT_RESET_INSERT */
	{ "INSERT INTO password_resets (user_id, token_hash, expires_at) "
	  "VALUES (?, ?, UTC_TIMESTAMP() + INTERVAL ? MINUTE)", NULL, 0 },
	/* STMT_RESET_GET */
	{ "SELECT id, user_id FROM password_resets WHERE token_hash = ? AND "
	  "used_at IS NULL AND expires_at > UTC_TIMESTAMP() FOR UPDATE", NULL, 0 },
	/* STMT_RESET_USE */
	{ "UPDATE password_resets SET used_at = UTC_TIMESTAMP() WHERE user_id = ? "
	  "AND used_at IS NULL", NULL, 0 },
	/* STMT_THROTTLE_GET: seconds left on the longest lock of two keys */
	{ "SELECT COALESCE(MAX(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), "
	  "locked_until)), 0) AS wait FROM login_throttle WHERE key_hash IN "
	  "(?, ?) AND locked_until > UTC_TIMESTAMP()", NULL, 0 },
	/* STMT_THROTTLE_FAIL: delays double after `limit` failures, to 15 min;
	 * failures older than an hour are forgotten */
	{ "INSERT INTO login_throttle (key_hash, failures, locked_until) "
	  "VALUES (?, 1, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE "
	  "failures = IF(updated_at < UTC_TIMESTAMP() - INTERVAL 1 HOUR, 1, "
	  "failures + 1), locked_until = IF(failures >= ?, UTC_TIMESTAMP() + "
	  "INTERVAL LEAST(POW(2, failures - ?), 900) SECOND, locked_until)",
	  NULL, 0 },
	/* STMT_THROTTLE_CLEAR */
	{ "DELETE FROM login_throttle WHERE key_hash = ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* Lower-cases an e-mail address for storage and lookup. */
static const char *
email_norm(struct req *r, const char *email)
{
	char	*s;
	size_t	 i;

	s = arena_strdup(r->arena, email);
	for (i = 0; s[i] != '\0'; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	return s;
}

static const char *
throttle_key(struct req *r, const char *kind, const char *value)
{
	char	*h = arena_alloc(r->arena, 65);

	sess_hash(arena_printf(r->arena, "%s:%s", kind, value), h);
	return h;
}

/* The model the API answers on sign-in and sign-up. */
static void
user_json(json_t *m, json_t *u)
{
	json_object_set_new(m, "user", json_pack("{s:O, s:O, s:O, s:O, s:O}",
	    "id", json_object_get(u, "id"), "email", json_object_get(u, "email"),
	    "name", json_object_get(u, "name"), "role", json_object_get(u, "role"),
	    "lang", json_object_get(u, "lang")));
}

/*
 * Issues what a sign-in gives: for the app an access token and a new
 * refresh-token family; for a browser a new session (never the one it
 * came with: no fixation) and a fresh CSRF token.  Runs in a transaction.
 */
struct grant {
	struct req	*r;
	json_t		*m;
	int64_t		 uid;
	const char	*name, *role;
	const char	*family;	/* refresh family to continue, or NULL */
};

static enum db_status
grant_tx(struct grant *g)
{
	struct req	*r = g->r;
	const char	*token, *access;
	char		 hash[65];
	enum db_status	 rc;

	token = sess_random(r->arena, 32);
	sess_hash(token, hash);
	if (!r->api) {
		const char *old = req_cookie(r, SESS_COOKIE);

		if (old != NULL && strlen(old) <= 128) {
			char oh[65];

			sess_hash(old, oh);
			if ((rc = db_exec(&stmts[STMT_SESSION_REVOKE], P(DB_TEXT(oh)),
			    NULL, NULL)) != DB_OK)
				return rc;
		}
		rc = db_exec(&stmts[STMT_SESSION_INSERT], P(DB_TEXT(hash),
		    DB_INT(g->uid), DB_INT(cfg_int("auth", "session_idle_minutes",
		    120)), DB_INT(cfg_int("auth", "session_days", 7))), NULL, NULL);
		if (rc != DB_OK)
			return rc;
		req_add_cookie(r, sess_cookie(r, SESS_COOKIE, token, -1));
		req_add_cookie(r, sess_cookie(r, CSRF_COOKIE,
		    sess_csrf_for(r, token), -1));
		return DB_OK;
	}
	if (g->family == NULL) {
		char *fam = arena_alloc(r->arena, 33);
		unsigned char raw[16];

		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(fam, 33, raw, sizeof(raw));
		g->family = fam;
	}
	rc = db_exec(&stmts[STMT_REFRESH_INSERT], P(DB_TEXT(g->family),
	    DB_INT(g->uid), DB_TEXT(hash), DB_INT(REFRESH_DAYS)), NULL, NULL);
	if (rc != DB_OK)
		return rc;
	if (sess_access_token(r, g->uid, g->name, g->role, &access) != 0)
		return DB_ERROR;
	json_object_set_new(g->m, "access_token", json_string(access));
	json_object_set_new(g->m, "refresh_token", json_string(token));
	json_object_set_new(g->m, "token_type", json_string("bearer"));
	json_object_set_new(g->m, "expires_in", json_integer(SESS_ACCESS_TTL));
	return DB_OK;
}

/* Where a browser goes after signing in: a local path only. */
static const char *
next_path(struct req *r)
{
	const char	*n = req_value(r, AU_NEXT);

	return resp_local_path(n) ? n : "/";
}

/*
 * GET /login and /register (and the password forms): the empty form.
 * Anyone may call them; a signed-in browser goes home instead.
 */
static enum http_status
auth_form(struct req *r, json_t *m)
{
	req_focus(r, -1);
	if (r->user.id != 0 && !r->api) {
		r->redirect = next_path(r);
		return HTTP_SEE_OTHER;
	}
	json_object_set_new(m, "values", json_pack("{s:s}", "next",
	    next_path(r)));
	if (req_value(r, AU_TOKEN) != NULL)
		json_object_set_new(json_object_get(m, "values"), "token",
		    json_string(req_value(r, AU_TOKEN)));
	return HTTP_OK;
}

/* --- sign up ------------------------------------------------------------ */

struct signup {
	struct req	*r;
	json_t		*m;
	const char	*email, *name, *role, *org, *tax_id;
	char		 hash[PASSWD_HASH_MAX];
	int64_t		 uid;
};

static enum db_status
signup_tx(void *arg)
{
	struct signup	*s = arg;
	struct grant	 g;
	uint64_t	 id;
	enum db_status	 rc;

	rc = db_exec(&stmts[STMT_USER_INSERT], P(DB_TEXT(s->email),
	    DB_TEXT(s->hash), DB_TEXT(s->name), DB_TEXT(s->role),
	    DB_TEXT(s->r->lang)), NULL, &id);
	if (rc != DB_OK)
		return rc;
	s->uid = (int64_t)id;
	if (s->org != NULL && (rc = db_exec(&stmts[STMT_ORG_INSERT],
	    P(DB_INT(s->uid), DB_TEXT(s->org), DB_TEXT(s->tax_id)), NULL,
	    NULL)) != DB_OK)
		return rc;
	if ((rc = outbox_append("user.registered", json_pack("{s:I, s:s, s:s}",
	    "user_id", (json_int_t)s->uid, "role", s->role, "lang",
	    s->r->lang))) != DB_OK)
		return rc;
	g = (struct grant){ s->r, s->m, s->uid, s->name, s->role, NULL };
	return grant_tx(&g);
}

/*
 * POST /register and /api/v1/auth/register: anyone.  Takes email,
 * password, name, role (ong, empresa, externo, cliente, profesional) and,
 * for ong and empresa, organization and tax_id; the seed's nombre,
 * apellido and rol too.  201 with the user and a token pair (API), or a
 * signed-in browser sent on (303).  409 when the e-mail is taken.
 */
static enum http_status
auth_register(struct req *r, json_t *m)
{
	struct signup	 s;
	const char	*pw, *why;
	enum db_status	 rc;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.m = m;
	/* The seed's Spanish field names. */
	s.role = req_value(r, AU_ROLE) ? req_value(r, AU_ROLE) :
	    req_value(r, AU_ROL);
	s.name = req_value(r, AU_NAME);
	if (s.name == NULL && req_value(r, AU_NOMBRE) != NULL)
		s.name = req_value(r, AU_APELLIDO) != NULL &&
		    *req_value(r, AU_APELLIDO) != '\0' ?
		    arena_printf(r->arena, "%s %s", req_value(r, AU_NOMBRE),
		    req_value(r, AU_APELLIDO)) : req_value(r, AU_NOMBRE);
	if (s.role == NULL && r->invalid[AU_ROL] == NULL)
		req_require(r, AU_ROLE, -1);
	if (s.name == NULL && r->invalid[AU_NOMBRE] == NULL)
		req_require(r, AU_NAME, -1);
	req_require(r, AU_EMAIL, AU_PASSWORD, -1);
	if ((pw = req_value(r, AU_PASSWORD)) != NULL &&
	    (why = passwd_policy(pw)) != NULL)
		req_set_invalid(r, AU_PASSWORD, why);
	if (s.role != NULL && (strcmp(s.role, "ong") == 0 ||
	    strcmp(s.role, "empresa") == 0)) {
		req_require(r, AU_ORG, AU_TAX_ID, -1);
		s.org = req_value(r, AU_ORG);
		s.tax_id = req_value(r, AU_TAX_ID);
	}
	if (r->has_invalid)
		return HTTP_UNPROCESSABLE;
	s.email = email_norm(r, req_value(r, AU_EMAIL));
	if (passwd_hash(pw, s.hash) != 0)
		return HTTP_INTERNAL_ERROR;
	rc = db_tx(signup_tx, &s);
	sodium_memzero(s.hash, sizeof(s.hash));
	if (rc == DB_CONFLICT) {
		req_set_invalid(r, AU_EMAIL, "valid.email_taken");
		r->detail = "valid.email_taken";
		return r->api ? HTTP_CONFLICT : HTTP_UNPROCESSABLE;
	}
	if (rc != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "user", json_pack("{s:I, s:s, s:s, s:s, s:s}",
	    "id", (json_int_t)s.uid, "email", s.email, "name", s.name,
	    "role", s.role, "lang", r->lang));
	r->redirect = r->api ? "/api/v1/users/me" : next_path(r);
	r->flash = "welcome";
	return HTTP_CREATED;
}

/* --- sign in ------------------------------------------------------------ */

struct signin {
	struct req	*r;
	json_t		*m;
	json_t		*user;
	const char	*rehash;	/* a stronger hash to store, or NULL */
};

static enum db_status
signin_tx(void *arg)
{
	struct signin	*s = arg;
	struct grant	 g;
	int64_t		 uid;
	enum db_status	 rc;

	uid = json_integer_value(json_object_get(s->user, "id"));
	if (s->rehash != NULL && (rc = db_exec(&stmts[STMT_USER_REHASH],
	    P(DB_TEXT(s->rehash), DB_INT(uid)), NULL, NULL)) != DB_OK)
		return rc;
	g = (struct grant){ s->r, s->m, uid,
	    json_string_value(json_object_get(s->user, "name")),
	    json_string_value(json_object_get(s->user, "role")), NULL };
	return grant_tx(&g);
}

/* Records a failed attempt against both keys (outside any transaction:
 * a failure must count even though nothing else is written). */
static void
throttle_fail(struct req *r, const char *acct, const char *addr)
{
	if (db_exec(&stmts[STMT_THROTTLE_FAIL], P(DB_TEXT(acct),
	    DB_INT(ACCOUNT_LOCK_AFTER), DB_INT(ACCOUNT_LOCK_AFTER)), NULL,
	    NULL) != DB_OK ||
	    db_exec(&stmts[STMT_THROTTLE_FAIL], P(DB_TEXT(addr),
	    DB_INT(ADDRESS_LOCK_AFTER), DB_INT(ADDRESS_LOCK_AFTER)), NULL,
	    NULL) != DB_OK)
		log_warnx("could not record a failed sign-in from %s",
		    r->remote_addr ? r->remote_addr : "-");
}

/*
 * POST /login and /api/v1/auth/login: anyone.  JSON {email, password} or
 * form username/password (the seed) or email/password (our form).  The
 * same 401, after the same argon2 work, for an unknown e-mail and a wrong
 * password; 429 with Retry-After while the account or address is locked.
 */
static enum http_status
auth_login(struct req *r, json_t *m)
{
	struct signin	 s;
	const char	*email, *pw, *acct, *addr, *hash;
	json_t		*row = NULL, *w = NULL;
	char		 newhash[PASSWD_HASH_MAX];
	enum db_status	 rc;
	enum http_status st = HTTP_UNAUTHORIZED;
	bool		 ok;

	email = req_value(r, AU_EMAIL) ? req_value(r, AU_EMAIL) :
	    req_value(r, AU_USERNAME);
	pw = req_value(r, AU_PASSWORD);
	if (email == NULL || pw == NULL) {
		if (email == NULL && r->invalid[AU_USERNAME] == NULL)
			req_require(r, AU_EMAIL, -1);
		req_require(r, AU_PASSWORD, -1);
		return HTTP_UNPROCESSABLE;
	}
	req_focus(r, -1);	/* the two fields above are valid */
	email = email_norm(r, email);
	acct = throttle_key(r, "acct", email);
	addr = throttle_key(r, "addr", r->remote_addr ? r->remote_addr : "-");
	if ((rc = db_query_one(&stmts[STMT_THROTTLE_GET], P(DB_TEXT(acct),
	    DB_TEXT(addr)), &w)) != DB_OK)
		return app_db_status(rc);
	r->retry_after = (int)json_integer_value(json_object_get(w, "wait"));
	json_decref(w);
	if (r->retry_after > 0) {
		r->detail = "error_detail.login_locked";
		return HTTP_TOO_MANY_REQUESTS;
	}
	rc = db_query_one(&stmts[STMT_USER_BY_EMAIL], P(DB_TEXT(email)), &row);
	if (rc != DB_OK && rc != DB_NOTFOUND)
		return app_db_status(rc);
	if (rc == DB_NOTFOUND) {
		passwd_burn(pw);
		ok = false;
	} else {
		hash = json_string_value(json_object_get(row, "password_hash"));
		ok = passwd_verify(hash, pw) &&
		    !json_is_true(json_object_get(row, "disabled"));
	}
	if (!ok) {
		throttle_fail(r, acct, addr);
		r->detail = "error_detail.bad_credentials";
		goto out;
	}
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.m = m;
	s.user = row;
	if (passwd_needs_rehash(json_string_value(json_object_get(row,
	    "password_hash"))) && passwd_hash(pw, newhash) == 0)
		s.rehash = newhash;
	if ((rc = db_tx(signin_tx, &s)) != DB_OK) {
		st = app_db_status(rc);
		goto out;
	}
	if (db_exec(&stmts[STMT_THROTTLE_CLEAR], P(DB_TEXT(acct)), NULL,
	    NULL) != DB_OK)
		log_warnx("could not clear the sign-in throttle");
	json_object_set_new(row, "email", json_string(email));
	user_json(m, row);
	/* A browser speaks the language saved in the profile from here on
	 * (the agora_lang cookie), unless this very request chose one. */
	if (!r->api && !r->set_lang && i18n_known(json_string_value(
	    json_object_get(row, "lang")))) {
		r->lang = i18n_pick(json_string_value(json_object_get(row,
		    "lang")), NULL, NULL);
		r->set_lang = true;
	}
	r->redirect = next_path(r);
	st = HTTP_SEE_OTHER;
out:
	json_decref(row);
	return st;
}

/* --- sign out ----------------------------------------------------------- */

struct signout {
	struct req	*r;
	const char	*refresh;
};

static enum db_status
signout_tx(void *arg)
{
	struct signout	*s = arg;
	const char	*sid;
	char		 h[65];
	json_t		*row = NULL;
	enum db_status	 rc;

	if ((sid = req_cookie(s->r, SESS_COOKIE)) != NULL && strlen(sid) <= 128) {
		sess_hash(sid, h);
		if ((rc = db_exec(&stmts[STMT_SESSION_REVOKE], P(DB_TEXT(h)),
		    NULL, NULL)) != DB_OK)
			return rc;
	}
	if (s->refresh == NULL)
		return DB_OK;
	sess_hash(s->refresh, h);
	rc = db_query_one(&stmts[STMT_REFRESH_GET], P(DB_TEXT(h)), &row);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc == DB_OK)
		rc = db_exec(&stmts[STMT_REFRESH_REVOKE_FAMILY],
		    P(DB_TEXT(json_string_value(json_object_get(row,
		    "family_id")))), NULL, NULL);
	json_decref(row);
	return rc;
}

/*
 * POST /logout and /api/v1/auth/logout: revokes the browser session and,
 * when a refresh_token is given, its whole family.  204, or home (303).
 */
static enum http_status
auth_logout(struct req *r, json_t *m)
{
	struct signout	 s = { r, req_value(r, AU_REFRESH) };
	enum db_status	 rc;

	(void)m;	/* nothing to show */
	req_focus(r, -1);
	if ((rc = db_tx(signout_tx, &s)) != DB_OK)
		return app_db_status(rc);
	req_add_cookie(r, sess_cookie(r, SESS_COOKIE, "", 0));
	r->redirect = "/";
	r->flash = "signed_out";
	return HTTP_NO_CONTENT;
}

/* --- refresh ------------------------------------------------------------ */

struct refresh {
	struct req	*r;
	json_t		*m;
	const char	*token;
	bool		 reused;
	json_t		*user;
};

static enum db_status
refresh_tx(void *arg)
{
	struct refresh	*f = arg;
	struct grant	 g;
	char		 h[65];
	json_t		*row = NULL;
	enum db_status	 rc;

	sess_hash(f->token, h);
	if ((rc = db_query_one(&stmts[STMT_REFRESH_GET], P(DB_TEXT(h)),
	    &row)) != DB_OK)
		return rc;
	if (json_integer_value(json_object_get(row, "spent")) != 0) {
		/* A used token came back: someone holds a copy.  End the
		 * whole family, and commit that. */
		f->reused = true;
		rc = db_exec(&stmts[STMT_REFRESH_REVOKE_FAMILY],
		    P(DB_TEXT(json_string_value(json_object_get(row,
		    "family_id")))), NULL, NULL);
		goto out;
	}
	if (json_integer_value(json_object_get(row, "live")) == 0) {
		rc = DB_NOTFOUND;
		goto out;
	}
	rc = db_exec(&stmts[STMT_REFRESH_USE], P(DB_INT(json_integer_value(
	    json_object_get(row, "id")))), NULL, NULL);
	if (rc != DB_OK)
		goto out;
	rc = db_query_one(&stmts[STMT_USER_BY_ID], P(DB_INT(json_integer_value(
	    json_object_get(row, "user_id")))), &f->user);
	if (rc != DB_OK)
		goto out;
	if (json_is_true(json_object_get(f->user, "disabled"))) {
		rc = DB_NOTFOUND;
		goto out;
	}
	g = (struct grant){ f->r, f->m,
	    json_integer_value(json_object_get(f->user, "id")),
	    json_string_value(json_object_get(f->user, "name")),
	    json_string_value(json_object_get(f->user, "role")),
	    arena_strdup(f->r->arena, json_string_value(json_object_get(row,
	    "family_id"))) };
	rc = grant_tx(&g);
out:
	json_decref(row);
	return rc;
}

/*
 * POST /api/v1/auth/refresh {refresh_token}: a new pair; the old token
 * stops working.  Presenting a token already used revokes its family
 * (RFC 9700 reuse detection).  401 for unknown, spent or expired tokens.
 */
static enum http_status
auth_refresh(struct req *r, json_t *m)
{
	struct refresh	 f;
	enum db_status	 rc;

	memset(&f, 0, sizeof(f));
	if (!req_require(r, AU_REFRESH, -1))
		return HTTP_UNPROCESSABLE;
	req_focus(r, -1);
	f.r = r;
	f.m = m;
	f.token = req_value(r, AU_REFRESH);
	r->api = true;	/* tokens, never a browser session */
	rc = db_tx(refresh_tx, &f);
	if (rc == DB_OK && f.reused) {
		log_warnx("refresh token reused; family revoked");
		json_object_clear(m);
		r->detail = "error_detail.token_reused";
		json_decref(f.user);
		return HTTP_UNAUTHORIZED;
	}
	if (rc == DB_NOTFOUND) {
		json_object_clear(m);
		r->detail = "error_detail.token_invalid";
		json_decref(f.user);
		return HTTP_UNAUTHORIZED;
	}
	if (rc != DB_OK) {
		json_decref(f.user);
		return app_db_status(rc);
	}
	user_json(m, f.user);
	json_decref(f.user);
	return HTTP_OK;
}

/* --- forgotten passwords ------------------------------------------------ */

struct forgot {
	struct req	*r;
	json_t		*user;
	const char	*token;
};

static enum db_status
forgot_tx(void *arg)
{
	struct forgot	*f = arg;
	char		 h[65];
	int64_t		 uid;
	enum db_status	 rc;

	uid = json_integer_value(json_object_get(f->user, "id"));
	sess_hash(f->token, h);
	if ((rc = db_exec(&stmts[STMT_RESET_INSERT], P(DB_INT(uid), DB_TEXT(h),
	    DB_INT(RESET_MINUTES)), NULL, NULL)) != DB_OK)
		return rc;
	/* The notifier mails the link in the user's language. */
	return outbox_append("mail.password_reset", json_pack(
	    "{s:I, s:O, s:O, s:s, s:i}", "user_id", (json_int_t)uid,
	    "name", json_object_get(f->user, "name"),
	    "lang", json_object_get(f->user, "lang"),
	    "link", arena_printf(f->r->arena, "/password/reset?token=%s",
	    f->token), "expires_minutes", RESET_MINUTES));
}

/*
 * POST /password/forgot and /api/v1/auth/password/forgot {email}: anyone.
 * Mails a one-hour link when the account exists; the answer is the same
 * either way (202, or the sign-in page with a notice).
 */
static enum http_status
auth_forgot(struct req *r, json_t *m)
{
	struct forgot	 f;
	const char	*email;
	json_t		*row = NULL;
	enum db_status	 rc;

	if (!req_require(r, AU_EMAIL, -1))
		return HTTP_UNPROCESSABLE;
	req_focus(r, -1);
	email = email_norm(r, req_value(r, AU_EMAIL));
	rc = db_query_one(&stmts[STMT_USER_BY_EMAIL], P(DB_TEXT(email)), &row);
	if (rc == DB_OK && !json_is_true(json_object_get(row, "disabled"))) {
		f = (struct forgot){ r, row, sess_random(r->arena, 32) };
		rc = db_tx(forgot_tx, &f);
	} else if (rc == DB_NOTFOUND || rc == DB_OK)
		rc = DB_OK;
	json_decref(row);
	if (rc != DB_OK)
		return app_db_status(rc);
	json_object_set_new(m, "status", json_string("sent"));
	r->redirect = "/login";
	r->flash = "reset_sent";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

struct reset {
	const char	*token;
	char		 hash[PASSWD_HASH_MAX];
	bool		 found;
};

static enum db_status
reset_tx(void *arg)
{
	struct reset	*x = arg;
	char		 h[65];
	json_t		*row = NULL;
	int64_t		 uid;
	enum db_status	 rc;

	sess_hash(x->token, h);
	rc = db_query_one(&stmts[STMT_RESET_GET], P(DB_TEXT(h)), &row);
	if (rc == DB_NOTFOUND)
		return DB_OK;	/* found stays false */
	if (rc != DB_OK)
		return rc;
	x->found = true;
	uid = json_integer_value(json_object_get(row, "user_id"));
	json_decref(row);
	if ((rc = db_exec(&stmts[STMT_USER_SET_PASSWORD], P(DB_TEXT(x->hash),
	    DB_INT(uid)), NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_RESET_USE], P(DB_INT(uid)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_SESSION_REVOKE_USER], P(DB_INT(uid)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_REFRESH_REVOKE_USER], P(DB_INT(uid)), NULL,
	    NULL)) != DB_OK)
		return rc;
	return outbox_append("user.password_changed", json_pack("{s:I}",
	    "user_id", (json_int_t)uid));
}

/*
 * POST /password/reset and /api/v1/auth/password/reset {token, password}:
 * anyone holding a live link.  Sets the password, ends every session and
 * refresh token of the account.  422 for a dead or unknown link.
 */
static enum http_status
auth_reset(struct req *r, json_t *m)
{
	struct reset	 x;
	const char	*why;
	enum db_status	 rc;

	(void)m;	/* the answer is the status */
	memset(&x, 0, sizeof(x));
	req_require(r, AU_TOKEN, AU_PASSWORD, -1);
	if (req_value(r, AU_PASSWORD) != NULL &&
	    (why = passwd_policy(req_value(r, AU_PASSWORD))) != NULL)
		req_set_invalid(r, AU_PASSWORD, why);
	if (r->has_invalid)
		return HTTP_UNPROCESSABLE;
	x.token = req_value(r, AU_TOKEN);
	if (passwd_hash(req_value(r, AU_PASSWORD), x.hash) != 0)
		return HTTP_INTERNAL_ERROR;
	rc = db_tx(reset_tx, &x);
	sodium_memzero(x.hash, sizeof(x.hash));
	if (rc != DB_OK)
		return app_db_status(rc);
	if (!x.found) {
		req_set_invalid(r, AU_TOKEN, "valid.token_expired");
		return HTTP_UNPROCESSABLE;
	}
	r->redirect = "/login";
	r->flash = "password_reset";
	return HTTP_NO_CONTENT;
}

/* --- changing the password -------------------------------------------- */

struct change {
	struct req	*r;
	json_t		*m;
	char		 hash[PASSWD_HASH_MAX];
};

static enum db_status
change_tx(void *arg)
{
	struct change	*c = arg;
	struct req	*r = c->r;
	struct grant	 g;
	enum db_status	 rc;

	if ((rc = db_exec(&stmts[STMT_USER_SET_PASSWORD], P(DB_TEXT(c->hash),
	    DB_INT(r->user.id)), NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_SESSION_REVOKE_USER], P(DB_INT(r->user.id)),
	    NULL, NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_REFRESH_REVOKE_USER], P(DB_INT(r->user.id)),
	    NULL, NULL)) != DB_OK)
		return rc;
	if ((rc = outbox_append("user.password_changed", json_pack("{s:I}",
	    "user_id", (json_int_t)r->user.id))) != DB_OK)
		return rc;
	/* Every other session ends; this browser or app gets a new one. */
	g = (struct grant){ r, c->m, r->user.id, r->user.name,
	    r->user.role_name, NULL };
	return grant_tx(&g);
}

/*
 * POST /password/change and /api/v1/auth/password/change
 * {current_password, new_password}: any signed-in role.  Ends every
 * session and refresh token of the account and starts a fresh one for
 * the caller (the API answers a new token pair).
 */
static enum http_status
auth_change(struct req *r, json_t *m)
{
	struct change	 c;
	json_t		*row = NULL;
	const char	*why;
	enum db_status	 rc;
	bool		 ok;

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.m = m;
	req_focus(r, AU_CURRENT, AU_NEW, -1);
	if (!req_require(r, AU_CURRENT, AU_NEW, -1))
		return HTTP_UNPROCESSABLE;
	if ((why = passwd_policy(req_value(r, AU_NEW))) != NULL) {
		req_set_invalid(r, AU_NEW, why);
		return HTTP_UNPROCESSABLE;
	}
	if ((rc = db_query_one(&stmts[STMT_USER_HASH], P(DB_INT(r->user.id)),
	    &row)) != DB_OK)
		return app_db_status(rc);
	ok = passwd_verify(json_string_value(json_object_get(row,
	    "password_hash")), req_value(r, AU_CURRENT));
	json_decref(row);
	if (!ok) {
		req_set_invalid(r, AU_CURRENT, "valid.wrong_password");
		return HTTP_UNPROCESSABLE;
	}
	if (passwd_hash(req_value(r, AU_NEW), c.hash) != 0)
		return HTTP_INTERNAL_ERROR;
	rc = db_tx(change_tx, &c);
	sodium_memzero(c.hash, sizeof(c.hash));
	if (rc != DB_OK)
		return app_db_status(rc);
	r->redirect = "/users/me";
	r->flash = "password_changed";
	return r->api ? HTTP_OK : HTTP_SEE_OTHER;
}

/*
 * GET /password/change: the form, for a signed-in user.
 */
static enum http_status
auth_change_form(struct req *r, json_t *m)
{
	(void)m;	/* the layout has all the page needs */
	req_focus(r, -1);
	return HTTP_OK;
}

static const struct route routes[] = {
	{ M_GET, "/register", auth_form, ROLE_ANY, "auth/register" },
	{ M_POST, "/register", auth_register, ROLE_ANY, "auth/register" },
	{ M_POST, "/auth/register", auth_register, ROLE_ANY, "auth/register" },
	{ M_GET, "/login", auth_form, ROLE_ANY, "auth/login" },
	{ M_POST, "/login", auth_login, ROLE_ANY, "auth/login" },
	{ M_POST, "/auth/login", auth_login, ROLE_ANY, "auth/login" },
	{ M_POST, "/logout", auth_logout, ROLE_ANY, NULL },
	{ M_POST, "/auth/logout", auth_logout, ROLE_ANY, NULL },
	{ M_POST, "/auth/refresh", auth_refresh, ROLE_ANY, NULL },
	{ M_GET, "/password/forgot", auth_form, ROLE_ANY, "auth/forgot" },
	{ M_POST, "/password/forgot", auth_forgot, ROLE_ANY, "auth/forgot" },
	{ M_POST, "/auth/password/forgot", auth_forgot, ROLE_ANY, "auth/forgot" },
	{ M_GET, "/password/reset", auth_form, ROLE_ANY, "auth/reset" },
	{ M_POST, "/password/reset", auth_reset, ROLE_ANY, "auth/reset" },
	{ M_POST, "/auth/password/reset", auth_reset, ROLE_ANY, "auth/reset" },
	{ M_GET, "/password/change", auth_change_form, ROLE_USER, "auth/change" },
	{ M_POST, "/password/change", auth_change, ROLE_USER, "auth/change" },
	{ M_POST, "/auth/password/change", auth_change, ROLE_USER, "auth/change" },
	{ 0, NULL, NULL, 0, NULL },
};

static const struct app auth = {
	"auth", routes, fields, AU__MAX, stmts, STMT__MAX, passwd_init,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &auth);
}
