/* resp: status + model -> HTTP response bytes. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "log.h"
#include "resp.h"
#include "sess.h"
#include "tpl.h"
#include "tz.h"
#include "valid.h"

static struct tpl_set	*templates;
static json_t		*apps;
static long long	(*unread_of)(int64_t);

static const struct {
	enum http_status	 code;
	const char		*reason;
} reasons[] = {
	{ HTTP_OK, "OK" },
	{ HTTP_CREATED, "Created" },
	{ HTTP_NO_CONTENT, "No Content" },
	{ HTTP_SEE_OTHER, "See Other" },
	{ HTTP_NOT_MODIFIED, "Not Modified" },
	{ HTTP_BAD_REQUEST, "Bad Request" },
	{ HTTP_UNAUTHORIZED, "Unauthorized" },
	{ HTTP_FORBIDDEN, "Forbidden" },
	{ HTTP_NOT_FOUND, "Not Found" },
	{ HTTP_METHOD_NOT_ALLOWED, "Method Not Allowed" },
	{ HTTP_CONFLICT, "Conflict" },
	{ HTTP_PAYLOAD_TOO_LARGE, "Content Too Large" },
	{ HTTP_URI_TOO_LONG, "URI Too Long" },
	{ HTTP_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type" },
	{ HTTP_UNPROCESSABLE, "Unprocessable Content" },
	{ HTTP_TOO_MANY_REQUESTS, "Too Many Requests" },
	{ HTTP_INTERNAL_ERROR, "Internal Server Error" },
	{ HTTP_UNAVAILABLE, "Service Unavailable" },
	{ HTTP_INSUFFICIENT_STORAGE, "Insufficient Storage" },
};

const char *
http_reason(enum http_status st)
{
	size_t	 i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == st)
			return reasons[i].reason;
	return "Unknown";
}

int
resp_init(const char *dir, bool strict)
{
	char	 err[512], i18n[4096];

	templates = tpl_set_new(strict ? TPL_STRICT : TPL_SPEC);
	if (tpl_set_load_dir(templates, dir, err, sizeof(err)) != 0 ||
	    tpl_set_link(templates, err, sizeof(err)) != 0) {
		log_warnx("templates: %s", err);
		return -1;
	}
	if (!tpl_set_has(templates, "error") || !tpl_set_has(templates, "layout")) {
		log_warnx("templates: %s has no layout or error page", dir);
		return -1;
	}
	snprintf(i18n, sizeof(i18n), "%s/i18n", dir);
	return i18n_load(i18n);
}

bool
resp_has_template(const char *name)
{
	return templates != NULL && tpl_set_has(templates, name);
}

void
resp_free(void)
{
	tpl_set_free(templates);
	templates = NULL;
	json_decref(apps);
	apps = NULL;
	i18n_free();
}

void
resp_set_unread(long long (*fn)(int64_t))
{
	unread_of = fn;
}

void
resp_set_apps(json_t *a)
{
	json_decref(apps);
	apps = json_incref(a);
}

static void
header_cookie(struct buf *h, const struct req *r, const char *name,
    const char *value, long max_age, bool httponly)
{
	const char	*https = req_env(r, "HTTPS");

	buf_printf(h, "Set-Cookie: %s=%s; Path=/; SameSite=Lax", name, value);
	if (max_age >= 0)
		buf_printf(h, "; Max-Age=%ld", max_age);
	if (httponly)
		buf_puts(h, "; HttpOnly");
	if (https != NULL && strcmp(https, "on") == 0)
		buf_puts(h, "; Secure");
	buf_puts(h, "\r\n");
}

/* The cookies every response may carry. */
static void
common_cookies(struct buf *h, struct req *r)
{
	size_t	 i;

	if (r->set_lang)
		header_cookie(h, r, "agora_lang", r->lang, 31536000, false);
	if (r->new_csrf && !r->api)
		header_cookie(h, r, CSRF_COOKIE, r->csrf, -1, true);
	for (i = 0; i < r->nset_cookie; i++)
		buf_printf(h, "Set-Cookie: %s\r\n", r->set_cookie[i]);
}

/* Field errors: an object for the API, a list for pages. */
static json_t *
field_errors(struct req *r, bool as_list)
{
	json_t	*errs;
	size_t	 i;
	const char *msg, *key, *label;

	errs = as_list ? json_array() : json_object();
	for (i = 0; i < r->nfields; i++) {
		if (r->invalid[i] == NULL)
			continue;
		msg = i18n_format(r->arena, r->lang, r->invalid[i],
		    r->fields[i].min, r->fields[i].max);
		/* A person reads the field's label ("fields.<name>"). */
		key = arena_printf(r->arena, "fields.%s", r->fields[i].name);
		label = i18n_get(r->lang, key);
		if (as_list)
			json_array_append_new(errs, json_pack("{s:s, s:s, s:s}",
			    "field", r->fields[i].name, "label", strcmp(label,
			    key) != 0 ? label : r->fields[i].name, "message",
			    msg));
		else
			json_object_set_new(errs, r->fields[i].name,
			    json_string(msg));
	}
	return errs;
}

/* What the person typed, for re-rendering a form (never passwords). */
static json_t *
field_values(struct req *r)
{
	json_t	*vals = json_object();
	size_t	 i;

	for (i = 0; i < r->nfields; i++)
		if (r->values[i] != NULL &&
		    strstr(r->fields[i].name, "password") == NULL)
			json_object_set_new(vals, r->fields[i].name,
			    json_string(r->values[i]));
	return vals;
}

/* The installed apps with their names in the request's language. */
json_t *
resp_apps(struct req *r)
{
	json_t		*out, *a;
	const char	*key;
	size_t		 i;

	out = json_array();
	json_array_foreach(apps, i, a) {
		key = json_string_value(json_object_get(a, "key"));
		json_array_append_new(out, json_pack("{s:s, s:O, s:s, s:s}",
		    "key", key, "url", json_object_get(a, "url"),
		    "name", i18n_get(r->lang, arena_printf(r->arena,
		    "apps.%s.name", key)),
		    "description", i18n_get(r->lang, arena_printf(r->arena,
		    "apps.%s.description", key))));
	}
	return out;
}

/* {field: {value: true}}, so a form can re-tick the radio or option the
 * person chose (mustache cannot compare strings). */
static json_t *
field_chosen(struct req *r)
{
	json_t	*c = json_object();
	size_t	 i;

	for (i = 0; i < r->nfields; i++)
		if (r->values[i] != NULL && strlen(r->values[i]) <= 64 &&
		    strstr(r->fields[i].name, "password") == NULL)
			json_object_set_new(c, r->fields[i].name, json_pack(
			    "{s:b}", r->values[i], 1));
	return c;
}

/* What every page and part of one has of its viewer. */
static void
viewer(struct req *r, json_t *m)
{
	json_object_set(m, "t", i18n_catalog(r->lang));
	json_object_set_new(m, "lang", json_string(r->lang));
	if (r->user.id != 0)
		json_object_set_new(m, "user", json_pack("{s:I, s:s, s:s, s:b}",
		    "id", (json_int_t)r->user.id, "name", r->user.name,
		    "role", r->user.role_name, "has_dashboard",
		    (r->user.role & (ROLE_ONG | ROLE_ADMIN)) != 0));
	json_object_set_new(m, "csrf", json_string(r->csrf ? r->csrf : ""));
}

/* The page's path with its query, less any lang= (the language links
 * add their own), so that switching language or signing in comes back
 * to the same list, filters and page.  Ends in '?' or '&' when sep. */
static const char *
page_again(struct req *r, bool sep)
{
	struct buf	 b;
	const char	*q = r->query, *end, *out;
	size_t		 len;

	buf_init(&b);
	buf_puts(&b, r->path);
	buf_putc(&b, '?');
	/* A query that is not UTF-8 (the 400 page that refuses it) is
	 * left behind. */
	if (!valid_utf8(q, strlen(q)))
		q = "";
	while (*q != '\0') {
		end = strchr(q, '&');
		len = end != NULL ? (size_t)(end - q) : strlen(q);
		if (len > 0 && !(len >= 4 && strncmp(q, "lang", 4) == 0 &&
		    (len == 4 || q[4] == '='))) {
			buf_append(&b, q, len);
			buf_putc(&b, '&');
		}
		q += len + (end != NULL);
	}
	if (!sep)
		b.len--;	/* the last '?' or '&' */
	out = arena_strndup(r->arena, buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

/* Adds what the layout needs to a page model; the unread counter only
 * when the database is worth asking. */
static void
decorate(struct req *r, json_t *m, bool badge)
{
	json_t		*langs, *flash;
	const char	*fl, *code, *here = page_again(r, true);
	long long	 unread;
	const char	*names[2][2] = { { "es", "Español" }, { "en", "English" } };
	size_t		 i;
	time_t		 now = time(NULL);
	struct tm	 tm;

	viewer(r, m);
	langs = json_array();
	for (i = 0; i < 2; i++) {
		code = names[i][0];
		json_array_append_new(langs, json_pack("{s:s, s:s, s:s, s:b}",
		    "code", code, "name", names[i][1], "url",
		    arena_printf(r->arena, "%slang=%s", here, code),
		    "current", strcmp(code, r->lang) == 0));
	}
	json_object_set_new(m, "langs", langs);
	if (r->user.id != 0 && badge) {
		unread = r->user.unread_known ? r->user.unread :
		    unread_of != NULL ? unread_of(r->user.id) : -1;
		if (unread >= 0)
			json_object_set_new(m, "unread_badge", json_pack(
			    "{s:I}", "count", (json_int_t)unread));
	}
	if ((fl = req_cookie(r, "agora_flash")) != NULL) {
		const char *key = arena_printf(r->arena, "flash.%s", fl);
		const char *msg = i18n_get(r->lang, key);

		/* Shown once: the cookie goes with this page. */
		req_add_cookie(r, "agora_flash=; Path=/; Max-Age=0; HttpOnly; "
		    "SameSite=Lax");
		/* Only messages in the catalog are shown: no injection. */
		if (msg != key) {
			flash = json_pack("{s:s, s:s}", "kind",
			    strncmp(fl, "err_", 4) == 0 ? "error" : "ok",
			    "message", msg);
			json_object_set_new(m, "flash", flash);
		}
	}
	json_object_set_new(m, "apps", resp_apps(r));
	json_object_set_new(m, "path", json_string(r->path));
	gmtime_r(&now, &tm);
	json_object_set_new(m, "year", json_integer(tm.tm_year + 1900));
}

json_t *
resp_fragment(struct req *r, const char *name, json_t *m)
{
	struct buf	 out;
	char		 err[256];
	json_t		*html = NULL, *v;

	/* A copy: the viewer's parts stay out of a model the caller keeps. */
	if ((v = json_copy(m)) == NULL)
		return NULL;
	viewer(r, v);
	buf_init(&out);
	if (tpl_render(templates, name, v, &out, err, sizeof(err)) != 0)
		log_warnx("render %s: %s", name, err);
	else
		html = json_stringn_nocheck(buf_str(&out), out.len);
	buf_free(&out);
	json_decref(v);
	return html;
}

json_t *
resp_json_of(const json_t *value)
{
	char	*s = json_dumps(value, RESP_JSON_FLAGS);
	json_t	*text = s != NULL ? json_string_nocheck(s) : NULL;

	free(s);
	return text;
}

enum http_status
resp_json_text(struct req *r, const char *text, const char *key,
    json_t *value)
{
	size_t		 len = strlen(text);
	char		*s;

	r->raw_type = "application/json";
	if (value == NULL) {
		r->raw_body = arena_strndup(r->arena, text, len);
		r->raw_len = len;
		return HTTP_OK;
	}
	s = json_dumps(value, RESP_JSON_FLAGS | JSON_ENCODE_ANY);
	json_decref(value);
	if (s == NULL || len < 2 || text[len - 1] != '}') {
		log_warnx("cannot add \"%s\" to a JSON answer", key);
		free(s);
		return HTTP_INTERNAL_ERROR;
	}
	/* The object's closing brace gives way to one more member. */
	r->raw_body = arena_printf(r->arena, "%.*s%s\"%s\":%s}", (int)(len - 1),
	    text, len > 2 ? "," : "", key, s);
	r->raw_len = strlen(r->raw_body);
	free(s);
	return HTTP_OK;
}

/* A tag that tells one version of a response from another: SipHash,
 * several times cheaper than a cryptographic digest of a 40 KB page, is
 * enough for that (a fixed key: nothing secret is at stake). */
static void
etag_of(const struct buf *body, char out[40])
{
	static const unsigned char key[crypto_shorthash_KEYBYTES] = "agora-etag";
	unsigned char	 h[crypto_shorthash_BYTES];
	char		 hex[2 * crypto_shorthash_BYTES + 1];

	crypto_shorthash(h, (const unsigned char *)body->data, body->len, key);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(out, 40, "\"%s\"", hex);
}

static bool
etag_matches(const struct req *r, const char *etag)
{
	const char	*inm = req_header(r, "If-None-Match");

	return inm != NULL && (strstr(inm, etag) != NULL ||
	    strcmp(inm, "*") == 0);
}

/* Where an error page sends the person back to: the page of ours they
 * came from (the form they sent, the list they filtered), if the
 * browser said so, else NULL. */
static const char *
back_path(struct req *r)
{
	const char	*ref = req_header(r, "Referer"), *host, *p;
	size_t		 len;

	host = req_host(r);
	if (ref == NULL || host == NULL || (p = strstr(ref, "://")) == NULL)
		return NULL;
	p += 3;
	len = strlen(host);
	if (strncmp(p, host, len) != 0 || (p[len] != '/' && p[len] != '\0'))
		return NULL;
	p = p[len] == '\0' ? "/" : p + len;
	return resp_local_path(p) ? arena_strdup(r->arena, p) : NULL;
}

/* Renders an error: problem+json for the API, the error page otherwise. */
static int
render_error(struct req *r, enum http_status st, json_t *m, struct buf *body,
    const char **ctype)
{
	const char	*title, *detail, *back;
	char		 key[32], err[256];
	json_t		*doc;
	char		*s;

	snprintf(key, sizeof(key), "error.%d", st);
	title = i18n_get(r->lang, key);
	if (r->detail != NULL)
		detail = i18n_get(r->lang, r->detail);
	else {
		snprintf(key, sizeof(key), "error_detail.%d", st);
		detail = i18n_get(r->lang, key);
	}
	if (r->api || templates == NULL) {
		doc = json_pack("{s:s, s:s, s:i, s:s, s:s}", "type",
		    "about:blank", "title", title, "status", st, "detail",
		    detail, "instance", r->path);
		if (r->has_invalid)
			json_object_set_new(doc, "errors", field_errors(r, false));
		/* What the handler put in the model rides along as RFC 9457
		 * extension members (never overriding the standard ones). */
		json_object_update_missing(doc, m);
		s = json_dumps(doc, RESP_JSON_FLAGS);
		buf_puts(body, s);
		free(s);
		json_decref(doc);
		*ctype = "application/problem+json";
		return 0;
	}
	json_object_clear(m);
	decorate(r, m, st != HTTP_UNAVAILABLE && st != HTTP_INTERNAL_ERROR);
	if ((back = back_path(r)) != NULL)
		json_object_set_new(m, "back_url", json_string(back));
	json_object_set_new(m, "status", json_integer(st));
	json_object_set_new(m, "title", json_string(title));
	json_object_set_new(m, "detail", json_string(detail));
	if (r->has_invalid) {
		json_object_set_new(m, "errors", field_errors(r, true));
		json_object_set_new(m, "has_errors", json_true());
	}
	*ctype = "text/html; charset=utf-8";
	if (tpl_render(templates, "error", m, body, err, sizeof(err)) != 0) {
		log_warnx("error page: %s", err);
		return -1;
	}
	return 0;
}

/* A page form that failed for a reason the person can fix is shown
 * again, with what they typed and why, instead of an error page. */
static bool
form_again(const struct req *r, enum http_status st, const char *tpl)
{
	/* Only a handler's own refusal: a post refused before it ran (no
	 * session, the wrong role) has no form to draw, only the error. */
	if (r->api || tpl == NULL || !r->handled)
		return false;
	if ((r->method == M_GET || r->method == M_HEAD) && !r->page_ready)
		return false;
	return st == HTTP_UNPROCESSABLE || st == HTTP_UNAUTHORIZED ||
	    st == HTTP_CONFLICT || st == HTTP_TOO_MANY_REQUESTS;
}

void
resp_time_text(struct req *r, json_t *o, const char *key)
{
	const char	*at = json_string_value(json_object_get(o, key));
	char		 label[TZ_LABEL_LEN];

	if (r->api || at == NULL)
		return;
	tz_site_label(at, label);
	json_object_set_new(o, arena_printf(r->arena, "%s_text", key),
	    json_string(label));
}

bool
resp_local_path(const char *p)
{
	const unsigned char *c;

	if (p == NULL || p[0] != '/' || p[1] == '/' || p[1] == '\\')
		return false;
	for (c = (const unsigned char *)p; *c != '\0'; c++)
		if (*c < ' ' || *c == 0x7f)
			return false;
	return true;
}

/* A local path only: never an open redirect. */
static const char *
safe_location(const char *loc)
{
	return resp_local_path(loc) ? loc : "/";
}

int
resp_build(struct req *r, enum http_status st, json_t *m, struct buf *out)
{
	struct buf	 body, h;
	const char	*ctype = "application/json", *tpl;
	char		 etag[40], err[256], allow[64];
	bool		 head = r->method == M_HEAD;
	char		*s;

	buf_init(&body);
	buf_init(&h);
	/* Post/Redirect/Get for pages. */
	if (!r->api && (st == HTTP_CREATED || st == HTTP_SEE_OTHER ||
	    (st == HTTP_NO_CONTENT && r->redirect != NULL))) {
		st = HTTP_SEE_OTHER;
		buf_printf(&h, "Location: %s\r\n", safe_location(r->redirect));
		if (r->flash != NULL)
			buf_printf(&h, "Set-Cookie: agora_flash=%s; Path=/; "
			    "HttpOnly; SameSite=Lax\r\n", r->flash);
		goto send;
	}
	/* A page that needs a signed-in user sends the browser to sign in
	 * and back. */
	if (!r->api && st == HTTP_UNAUTHORIZED && (r->method == M_GET ||
	    r->method == M_HEAD)) {
		struct buf	 next;

		buf_init(&next);
		url_encode(&next, page_again(r, false));
		st = HTTP_SEE_OTHER;
		buf_printf(&h, "Location: /login?next=%s\r\n", buf_str(&next));
		buf_free(&next);
		goto send;
	}
	if (r->api && st == HTTP_SEE_OTHER)
		st = HTTP_OK;
	if (st == HTTP_CREATED && r->redirect != NULL)
		buf_printf(&h, "Location: %s\r\n", safe_location(r->redirect));

	tpl = r->tpl != NULL ? r->tpl : r->match.route ? r->match.route->tpl : NULL;
	if ((int)st >= 400 && !form_again(r, st, tpl)) {
		if (render_error(r, st, m, &body, &ctype) != 0)
			goto fail;
	} else if (st == HTTP_NO_CONTENT) {
		ctype = NULL;
	} else if (r->accel != NULL && st == HTTP_OK) {
		/* The gateway sends the file, with its own ETag and ranges. */
		buf_printf(&h, "X-Accel-Redirect: %s\r\n", r->accel);
		if (r->disposition != NULL && strpbrk(r->disposition, "\r\n") ==
		    NULL)
			buf_printf(&h, "Content-Disposition: %s\r\n",
			    r->disposition);
		ctype = r->raw_type;
		goto send_head;
	} else if (r->raw_type != NULL) {
		buf_append(&body, r->raw_body, r->raw_len);
		ctype = r->raw_type;
		if (r->raw_filename != NULL && *r->raw_filename != '\0' &&
		    strspn(r->raw_filename, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") ==
		    strlen(r->raw_filename))
			buf_printf(&h, "Content-Disposition: attachment; "
			    "filename=\"%s\"\r\n", r->raw_filename);
	} else if (r->api || tpl == NULL) {
		s = json_dumps(m, RESP_JSON_FLAGS);
		if (s == NULL)
			goto fail;
		buf_puts(&body, s);
		free(s);
	} else {
		decorate(r, m, true);
		if ((int)st >= 400) {
			json_object_set_new(m, "errors", field_errors(r, true));
			json_object_set_new(m, "has_errors", json_boolean(
			    r->has_invalid));
			json_object_set_new(m, "invalid", field_errors(r, false));
			json_object_set_new(m, "values", field_values(r));
			json_object_set_new(m, "chosen", field_chosen(r));
			json_object_set_new(m, "form_error", json_string(
			    i18n_get(r->lang, r->detail != NULL ? r->detail :
			    arena_printf(r->arena, "error_detail.%d", st))));
		}
		ctype = "text/html; charset=utf-8";
		if (tpl_render(templates, tpl, m, &body, err, sizeof(err)) != 0) {
			log_warnx("render %s: %s", tpl, err);
			goto fail;
		}
	}
	if (st == HTTP_OK && (r->method == M_GET || head)) {
		etag_of(&body, etag);
		buf_printf(&h, "ETag: %s\r\n", etag);
		if (etag_matches(r, etag)) {
			st = HTTP_NOT_MODIFIED;
			buf_reset(&body);
			ctype = NULL;
		}
	}
	if (st == HTTP_METHOD_NOT_ALLOWED)
		buf_printf(&h, "Allow: %s\r\n",
		    route_allow(r->match.allowed, allow, sizeof(allow)));
	if (st == HTTP_UNAVAILABLE || st == HTTP_TOO_MANY_REQUESTS)
		buf_printf(&h, "Retry-After: %d\r\n",
		    r->retry_after > 0 ? r->retry_after : 5);
send_head:
	if (ctype != NULL)
		buf_printf(&h, "Content-Type: %s\r\n", ctype);
	goto send;
fail:
	/* The last resort never depends on templates or the model. */
	st = HTTP_INTERNAL_ERROR;
	buf_reset(&h);
	buf_reset(&body);
	buf_puts(&body, r->api ?
	    "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\","
	    "\"status\":500}" :
	    "<!doctype html><title>500</title><p>Internal Server Error</p>");
	buf_printf(&h, "Content-Type: %s\r\n", r->api ?
	    "application/problem+json" : "text/html; charset=utf-8");
send:
	buf_printf(out, "Status: %d %s\r\n", st, http_reason(st));
	buf_append(out, buf_str(&h), h.len);
	/* A file the gateway sends may be cached by others: no cookies. */
	if (r->accel == NULL || st != HTTP_OK)
		common_cookies(out, r);
	buf_printf(out, "Content-Language: %s\r\n", r->lang);
	buf_puts(out, "Vary: Accept-Language, Cookie, Authorization\r\n");
	buf_printf(out, "Cache-Control: %s\r\n", r->cache != NULL &&
	    st == HTTP_OK ? r->cache : "private, no-cache");
	/* 204 and 304 carry no Content-Length (RFC 9110). */
	if (st != HTTP_NO_CONTENT && st != HTTP_NOT_MODIFIED)
		buf_printf(out, "Content-Length: %zu\r\n", body.len);
	buf_puts(out, "\r\n");
	if (!head)
		buf_append(out, buf_str(&body), body.len);
	buf_free(&body);
	buf_free(&h);
	return st;
}
