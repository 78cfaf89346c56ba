/* sess: cookie sessions, bearer tokens and CSRF tokens. */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "jwt.h"
#include "log.h"
#include "mem.h"
#include "sess.h"

enum sess_stmt {
	STMT_SESSION_USER, STMT_SESSION_TOUCH, STMT_SESSION_ALIVE, STMT__MAX
};

/* A session by its token's hash, while it stands: not signed out, not
 * expired, not idle too long, its account not disabled. */
#define SESSION_STANDS							\
	"FROM sessions s JOIN users u ON u.id = s.user_id "		\
	"WHERE s.token_hash = ? AND s.revoked_at IS NULL "		\
	"AND s.expires_at > UTC_TIMESTAMP() "				\
	"AND s.idle_expires_at > UTC_TIMESTAMP() AND u.disabled = 0"

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_SESSION_USER: idle minutes, token hash; stale when the idle
	 * expiry is due to slide (STMT_SESSION_TOUCH's own condition); the
	 * page header's unread counter in the same round trip, from the
	 * (user_id, read_at) index alone */
	{ "SELECT u.id, u.name, u.role, s.idle_expires_at < UTC_TIMESTAMP() + "
	  "INTERVAL ? MINUTE - INTERVAL 5 MINUTE AS stale, (SELECT COUNT(*) "
	  "FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) "
	  "AS unread " SESSION_STANDS, NULL, 0 },
	/* STMT_SESSION_TOUCH: slide the idle expiry, at most every 5 minutes */
	{ "UPDATE sessions SET idle_expires_at = UTC_TIMESTAMP() + "
	  "INTERVAL ? MINUTE WHERE token_hash = ? AND idle_expires_at < "
	  "UTC_TIMESTAMP() + INTERVAL ? MINUTE - INTERVAL 5 MINUTE", NULL, 0 },
	/* STMT_SESSION_ALIVE: STMT_SESSION_USER's test alone, touching
	 * nothing */
	{ "SELECT s.user_id " SESSION_STANDS, NULL, 0 },
};

static unsigned char	*secret;
static size_t		 secretlen;
static long long	 idle_minutes = 120;

static const char *const role_names[] = {
	"admin", "ong", "empresa", "externo", "cliente", "profesional",
};

int
sess_init(void)
{
	const char	*s;

	if (sodium_init() < 0) {
		log_warnx("libsodium failed to start");
		return -1;
	}
	s = cfg_str("auth", "secret", NULL);
	if (s == NULL || strlen(s) < 32) {
		log_warnx("[auth] secret is missing or shorter than 32 bytes");
		return -1;
	}
	idle_minutes = cfg_int("auth", "session_idle_minutes", 120);
	secretlen = strlen(s);
	secret = x_malloc(secretlen);
	memcpy(secret, s, secretlen);
	return 0;
}

void
sess_free(void)
{
	db_release_all(stmts, STMT__MAX);
	if (secret != NULL)
		sodium_memzero(secret, secretlen);
	x_free(secret);
	secret = NULL;
}

const unsigned char *
sess_secret(size_t *len)
{
	*len = secretlen;
	return secret;
}

unsigned
sess_role(const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < sizeof(role_names) /
	    sizeof(role_names[0]); i++)
		if (strcmp(name, role_names[i]) == 0)
			return 1u << i;
	return 0;
}

void
sess_hash(const char *token, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

const char *
sess_random(struct arena *a, size_t n)
{
	unsigned char	 raw[64];
	size_t		 len;
	char		*out;

	if (n > sizeof(raw))
		n = sizeof(raw);
	randombytes_buf(raw, n);
	len = sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	out = arena_alloc(a, len);
	sodium_bin2base64(out, len, raw, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

static void
sess_fill(struct req *r, json_t *row)
{
	r->user.id = json_integer_value(json_object_get(row, "id"));
	r->user.name = arena_strdup(r->arena,
	    json_string_value(json_object_get(row, "name")) ?
	    json_string_value(json_object_get(row, "name")) : "");
	r->user.role_name = arena_strdup(r->arena,
	    json_string_value(json_object_get(row, "role")) ?
	    json_string_value(json_object_get(row, "role")) : "");
	r->user.role = sess_role(r->user.role_name);
	if (json_is_integer(json_object_get(row, "unread"))) {
		r->user.unread = json_integer_value(json_object_get(row,
		    "unread"));
		r->user.unread_known = true;
	}
}

/* An access token speaks for itself for its 15 minutes: no database
 * read.  Revocation acts on the refresh token, so a signed-out or
 * disabled account loses access when the access token expires. */
static void
sess_bearer(struct req *r, const char *token)
{
	json_t		*claims = NULL;
	const char	*typ;

	if (jwt_verify(token, secret, secretlen, time(NULL), &claims) != 0)
		return;		/* an invalid token is no token */
	typ = json_string_value(json_object_get(claims, "typ"));
	if (typ != NULL && strcmp(typ, "access") == 0 &&
	    json_integer_value(json_object_get(claims, "sub")) > 0 &&
	    sess_role(json_string_value(json_object_get(claims, "role"))) != 0) {
		sess_fill(r, claims);
		r->user.id = json_integer_value(json_object_get(claims, "sub"));
		r->user.bearer = true;
	}
	json_decref(claims);
}

int
sess_access_token(struct req *r, int64_t uid, const char *name,
    const char *role, const char **token)
{
	struct buf	 b;
	json_t		*claims;
	time_t		 now = time(NULL);
	int		 rc;

	claims = json_pack("{s:I, s:s, s:s, s:s, s:I, s:I}", "sub",
	    (json_int_t)uid, "name", name, "role", role, "typ", "access",
	    "iat", (json_int_t)now, "exp", (json_int_t)(now + SESS_ACCESS_TTL));
	buf_init(&b);
	rc = jwt_sign(claims, secret, secretlen, &b);
	json_decref(claims);
	*token = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return rc;
}

const char *
sess_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	const char	*https = req_env(r, "HTTPS");

	return arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    name, value, max_age >= 0 ? arena_printf(r->arena,
	    "; Max-Age=%ld", max_age) : "",
	    https != NULL && strcmp(https, "on") == 0 ? "; Secure" : "");
}

enum db_status
sess_load(struct req *r)
{
	const char	*auth, *sid;
	char		 hash[65];
	json_t		*row = NULL, *stale;
	enum db_status	 rc;

	memset(&r->user, 0, sizeof(r->user));
	auth = req_env(r, "HTTP_AUTHORIZATION");
	if (auth != NULL && strncasecmp(auth, "Bearer ", 7) == 0) {
		sess_bearer(r, auth + 7);
		return DB_OK;
	}
	if ((sid = req_cookie(r, SESS_COOKIE)) == NULL || strlen(sid) > 128)
		return DB_OK;
	sess_hash(sid, hash);
	rc = db_query_one(&stmts[STMT_SESSION_USER],
	    (const struct db_param[]){ DB_INT(idle_minutes), DB_TEXT(hash),
	    DB_END }, &row);
	if (rc == DB_OK) {
		sess_fill(r, row);
		/* A write only every 5 minutes of a session's use, not on
		 * every request. */
		stale = json_object_get(row, "stale");
		if (json_is_true(stale) || json_integer_value(stale) != 0)
			rc = db_exec(&stmts[STMT_SESSION_TOUCH],
			    (const struct db_param[]){ DB_INT(idle_minutes),
			    DB_TEXT(hash), DB_INT(idle_minutes), DB_END }, NULL,
			    NULL);
	}
	json_decref(row);
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

enum db_status
sess_alive(const struct req *r, bool *alive)
{
	const char	*sid = req_cookie(r, SESS_COOKIE);
	char		 hash[65];
	json_t		*row = NULL;
	enum db_status	 rc;

	*alive = false;
	if (sid == NULL || strlen(sid) > 128)
		return DB_OK;
	sess_hash(sid, hash);
	rc = db_query_one(&stmts[STMT_SESSION_ALIVE],
	    (const struct db_param[]){ DB_TEXT(hash), DB_END }, &row);
	*alive = rc == DB_OK && json_integer_value(json_object_get(row,
	    "user_id")) == r->user.id;
	json_decref(row);
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

/* A signed-in browser's token: a keyed hash of its session cookie, so a
 * token planted or read for another session (or none) is worth nothing
 * here, and signing in again makes a new one. */
static void
csrf_bound(const char *sid, char out[SESS_CSRF_HEX])
{
	crypto_auth_hmacsha256_state	 st;
	unsigned char			 mac[crypto_auth_hmacsha256_BYTES];

	crypto_auth_hmacsha256_init(&st, secret, secretlen);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"csrf:", 5);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)sid,
	    strlen(sid));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_memzero(&st, sizeof(st));	/* holds the key's pads */
	sodium_bin2hex(out, SESS_CSRF_HEX, mac, sizeof(mac));
}

/* The session cookie of a browser signed in with it, else NULL. */
static const char *
signed_in_sid(const struct req *r)
{
	const char	*sid;

	if (r->user.id == 0 || r->user.bearer ||
	    (sid = req_cookie(r, SESS_COOKIE)) == NULL || strlen(sid) > 128)
		return NULL;
	return sid;
}

const char *
sess_csrf_for(struct req *r, const char *sid)
{
	char	*t = arena_alloc(r->arena, SESS_CSRF_HEX);

	csrf_bound(sid, t);
	return t;
}

void
sess_csrf(struct req *r)
{
	const char	*c, *sid;

	c = req_cookie(r, CSRF_COOKIE);
	if ((sid = signed_in_sid(r)) != NULL) {
		r->csrf = sess_csrf_for(r, sid);
		r->new_csrf = c == NULL || strcmp(c, r->csrf) != 0;
		return;
	}
	if (c != NULL && strlen(c) >= 32 && strlen(c) <= 64) {
		r->csrf = c;
		return;
	}
	r->csrf = sess_random(r->arena, 32);
	r->new_csrf = true;
}

/* The Origin of a browser request must be our own site. */
static bool
origin_ok(const struct req *r)
{
	const char	*origin, *host, *p;

	if ((origin = req_header(r, "Origin")) == NULL)
		return true;	/* older browsers; the token still guards */
	if ((host = req_host(r)) == NULL)
		return false;
	if ((p = strstr(origin, "://")) == NULL)
		return false;
	return strcmp(p + 3, host) == 0;
}

bool
sess_csrf_ok(const struct req *r)
{
	const char	*cookie, *sent, *sid;
	char		 bound[SESS_CSRF_HEX];
	size_t		 i, n;

	if (r->user.bearer)
		return true;
	if (!origin_ok(r))
		return false;
	/* Signed in: the session's own token, whatever the cookie says. */
	if ((sid = signed_in_sid(r)) != NULL) {
		csrf_bound(sid, bound);
		cookie = bound;
	} else
		cookie = req_cookie(r, CSRF_COOKIE);
	sent = req_header(r, "X-CSRF-Token");
	for (i = 0; sent == NULL && i < r->npairs; i++)
		if (strcmp(r->pairs[i].key, CSRF_FIELD) == 0)
			sent = r->pairs[i].val;
	if (sent == NULL && r->json != NULL)
		sent = json_string_value(json_object_get(r->json, CSRF_FIELD));
	if (cookie == NULL || sent == NULL || (n = strlen(cookie)) < 32 ||
	    n != strlen(sent))
		return false;
	return sodium_memcmp(cookie, sent, n) == 0;
}
