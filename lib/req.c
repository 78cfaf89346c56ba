/*
 * req: turns FastCGI parameters and a body into a struct req.  Limits are
 * enforced here as well as in nginx, so a program reached some other way
 * is just as strict.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "cookie.h"
#include "i18n.h"
#include "req.h"

const char *
req_env(const struct req *r, const char *name)
{
	size_t	 n;
	char	**e;

	if (r->env == NULL)
		return NULL;
	n = strlen(name);
	for (e = r->env; *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

/* "Accept-Language" is looked up as HTTP_ACCEPT_LANGUAGE. */
const char *
req_header(const struct req *r, const char *name)
{
	char	 key[128];
	size_t	 i, n;

	n = (size_t)snprintf(key, sizeof(key), "HTTP_%s", name);
	if (n >= sizeof(key))
		return NULL;
	for (i = 5; i < n; i++)
		key[i] = key[i] == '-' ? '_' :
		    (char)((key[i] >= 'a' && key[i] <= 'z') ? key[i] - 32 : key[i]);
	return req_env(r, key);
}

const char *
req_host(const struct req *r)
{
	const char	*host = req_env(r, "REQUEST_HOST");

	return host != NULL ? host : req_header(r, "Host");
}

const char *
req_lang_named(const struct req *r)
{
	if (r->set_lang || req_cookie(r, "agora_lang") != NULL ||
	    req_header(r, "Accept-Language") != NULL)
		return r->lang;
	return NULL;
}

const char *
req_cookie(const struct req *r, const char *name)
{
	return cookie_get(r->cookies, r->ncookies, name);
}

/* Appends parsed pairs to r->pairs. */
static void
req_add_pairs(struct req *r, const struct form_pair *p, size_t n)
{
	struct form_pair	*all;

	if (n == 0)
		return;
	all = arena_alloc(r->arena, (r->npairs + n) * sizeof(*all));
	if (r->npairs > 0)
		memcpy(all, r->pairs, r->npairs * sizeof(*all));
	memcpy(all + r->npairs, p, n * sizeof(*all));
	r->pairs = all;
	r->npairs += n;
}

static enum http_status
form_to_status(enum form_status fs, struct req *r)
{
	switch (fs) {
	case FORM_OK:
		return HTTP_OK;
	case FORM_TOO_MANY:
		r->detail = "error_detail.too_many_fields";
		return HTTP_PAYLOAD_TOO_LARGE;
	case FORM_TOO_LONG:
		r->detail = "error_detail.413";
		return HTTP_PAYLOAD_TOO_LARGE;
	case FORM_BAD_UTF8:
		r->detail = "valid.bad_utf8";
		return HTTP_BAD_REQUEST;
	default:
		r->detail = "error_detail.400";
		return HTTP_BAD_REQUEST;
	}
}

/* Media type without parameters equals want (case-insensitive). */
static bool
ctype_is(const char *ct, const char *want)
{
	size_t	 n = strlen(want);

	return strncasecmp(ct, want, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static enum http_status
req_parse_body(struct req *r, const struct req_limits *lim)
{
	struct form_limits	 fl = { lim->fields_max, 256, lim->field_max };
	struct form_pair	*p = NULL;
	size_t			 n = 0;
	enum form_status	 fs;
	json_error_t		 jerr;
	const char		*key;
	json_t			*v;

	if (r->bodylen == 0)
		return HTTP_OK;
	if (r->content_type == NULL) {
		r->detail = "error_detail.415";
		return HTTP_UNSUPPORTED_MEDIA_TYPE;
	}
	if (ctype_is(r->content_type, "application/x-www-form-urlencoded")) {
		if ((fs = form_parse(r->arena, r->body, r->bodylen, &fl, &p,
		    &n)) != FORM_OK)
			return form_to_status(fs, r);
		req_add_pairs(r, p, n);
		return HTTP_OK;
	}
	if (ctype_is(r->content_type, "application/json") ||
	    ctype_is(r->content_type, "application/merge-patch+json")) {
		/* jansson refuses invalid UTF-8 and, asked to, duplicate keys. */
		r->json = json_loadb(r->body, r->bodylen, JSON_REJECT_DUPLICATES,
		    &jerr);
		/* A number past 64 bits is JSON all the same, only too big
		 * for any field here. */
		if (r->json == NULL &&
		    json_error_code(&jerr) == json_error_numeric_overflow) {
			r->detail = "valid.json_number_too_big";
			return HTTP_UNPROCESSABLE;
		}
		if (r->json == NULL || !json_is_object(r->json)) {
			r->detail = "valid.bad_json";
			return HTTP_BAD_REQUEST;
		}
		if (json_object_size(r->json) > lim->fields_max) {
			r->detail = "error_detail.too_many_fields";
			return HTTP_PAYLOAD_TOO_LARGE;
		}
		json_object_foreach(r->json, key, v)
			if (strlen(key) > 256 || (json_is_string(v) &&
			    json_string_length(v) > lim->field_max)) {
				r->detail = "error_detail.413";
				return HTTP_PAYLOAD_TOO_LARGE;
			}
		return HTTP_OK;
	}
	r->detail = "error_detail.415";
	return HTTP_UNSUPPORTED_MEDIA_TYPE;
}

enum http_status
req_parse(struct req *r, struct arena *a, char **env, const char *body,
    size_t bodylen, const struct req_limits *lim)
{
	struct form_limits	 ql = { lim->fields_max, 256, lim->field_max };
	struct form_pair	*p = NULL;
	size_t			 n = 0;
	const char		*uri, *s;
	enum form_status	 fs;

	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->env = env;
	r->body = body;
	r->bodylen = bodylen;
	r->lang = "es";
	r->method_name = (s = req_env(r, "REQUEST_METHOD")) ? s : "GET";
	r->method = route_method(r->method_name);
	r->request_id = req_env(r, "REQUEST_ID");
	r->remote_addr = req_env(r, "REMOTE_ADDR");
	r->content_type = req_env(r, "CONTENT_TYPE");
	r->query = (s = req_env(r, "QUERY_STRING")) ? s : "";
	uri = (s = req_env(r, "REQUEST_URI")) ? s : "/";
	r->path = (s = req_env(r, "DOCUMENT_URI")) ? s : uri;
	r->route_path = r->path;

	/* Which representation comes first, so every error speaks it. */
	if (strncmp(r->path, "/api/v1", 7) == 0 &&
	    (r->path[7] == '\0' || r->path[7] == '/')) {
		r->api = true;
		r->route_path = r->path[7] == '\0' || r->path[8] == '\0' ?
		    "/" : r->path + 7;
	}
	if (r->path[0] != '/' || !valid_utf8(r->path, strlen(r->path))) {
		r->path = r->route_path = "/";	/* never echo bad bytes */
		r->detail = "error_detail.400";
		return HTTP_BAD_REQUEST;
	}
	if (strlen(uri) > lim->uri_max)
		return HTTP_URI_TOO_LONG;
	if (r->method == 0) {
		r->detail = "error_detail.405";
		return HTTP_METHOD_NOT_ALLOWED;
	}
	if (bodylen > lim->body_max) {
		r->detail = "error_detail.413";
		return HTTP_PAYLOAD_TOO_LARGE;
	}
	if ((s = req_header(r, "Cookie")) != NULL &&
	    cookie_parse(a, s, &r->cookies, &r->ncookies) != COOKIE_OK) {
		/* Going back would not help: the browser sends them all. */
		r->detail = "error_detail.too_many_cookies";
		return HTTP_BAD_REQUEST;
	}
	r->lang = i18n_pick(NULL, req_cookie(r, "agora_lang"),
	    req_header(r, "Accept-Language"));
	if ((fs = form_parse(a, r->query, strlen(r->query), &ql, &p, &n)) !=
	    FORM_OK)
		return form_to_status(fs, r);
	/* ?lang= wins over the cookie and is remembered in it. */
	s = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].key, "lang") == 0)
			s = p[i].val;
	if (s != NULL && i18n_known(s)) {
		r->lang = i18n_pick(s, NULL, NULL);
		r->set_lang = true;
	}
	if (r->method != M_GET && r->method != M_HEAD) {
		enum http_status st;

		if ((st = req_parse_body(r, lim)) != HTTP_OK)
			return st;
	}
	req_add_pairs(r, p, n);
	return HTTP_OK;
}

/* The raw value of a declared field: body, then query, then JSON.  A
 * JSON value of another type than the field's is refused, not read as
 * text: "yes" is no boolean, 123 no title. */
static const char *
req_raw(struct req *r, const struct field *f, const char **reason)
{
	enum valid_json	 want;
	json_t		*v;
	size_t		 i;

	for (i = 0; i < r->npairs; i++)
		if (strcmp(r->pairs[i].key, f->name) == 0)
			return r->pairs[i].val;
	if (r->json == NULL || (v = json_object_get(r->json, f->name)) ==
	    NULL || json_is_null(v))
		return NULL;
	if (json_is_object(v) || json_is_array(v)) {
		*reason = "valid.wrong_type";
		return NULL;
	}
	want = f->valid == NULL ? VALID_JSON_ANY : valid_json_kind(f->valid);
	if (want == VALID_JSON_TEXT && !json_is_string(v)) {
		*reason = "valid.need_text";
		return NULL;
	}
	if (want == VALID_JSON_INT && !json_is_integer(v)) {
		*reason = "valid.need_number";
		return NULL;
	}
	if (want == VALID_JSON_BOOL && !json_is_boolean(v)) {
		*reason = "valid.need_boolean";
		return NULL;
	}
	if (json_is_string(v))
		return arena_strndup(r->arena, json_string_value(v),
		    json_string_length(v));
	if (json_is_integer(v))
		return arena_printf(r->arena, "%lld",
		    (long long)json_integer_value(v));
	if (json_is_real(v))
		return arena_printf(r->arena, "%.17g", json_real_value(v));
	return json_is_true(v) ? "true" : "false";
}

/* Free text in NFC: "Café" typed decomposed (as some keyboards send
 * it) is the same title, stored and counted the same.  ASCII is NFC
 * already; text that is not UTF-8 is left for the check to refuse. */
static const char *
nfc(struct req *r, const char *v)
{
	const unsigned char	*p;
	utf8proc_uint8_t	*n;
	const char		*out;

	for (p = (const unsigned char *)v; *p != '\0' && *p < 0x80; p++)
		;
	if (*p == '\0' || (n = utf8proc_NFC((const utf8proc_uint8_t *)v)) ==
	    NULL)
		return v;
	out = arena_strdup(r->arena, (const char *)n);
	free(n);
	return out;
}

void
req_validate(struct req *r, const struct field *fields, size_t n)
{
	const char	*v, *reason;
	size_t		 i;

	r->fields = fields;
	r->nfields = n;
	r->values = arena_alloc(r->arena, (n ? n : 1) * sizeof(*r->values));
	r->invalid = arena_alloc(r->arena, (n ? n : 1) * sizeof(*r->invalid));
	for (i = 0; i < n; i++) {
		reason = NULL;
		v = req_raw(r, &fields[i], &reason);
		/* An empty input is an absent one (a form's untouched field),
		 * except free text that may be cleared on purpose. */
		if (v != NULL && *v == '\0' && (fields[i].min > 0 ||
		    (fields[i].valid != valid_text &&
		    fields[i].valid != valid_line)))
			v = NULL;
		if (v != NULL && (fields[i].valid == valid_text ||
		    fields[i].valid == valid_line))
			v = nfc(r, v);
		if (reason == NULL && v != NULL && fields[i].valid != NULL &&
		    !fields[i].valid(&fields[i], v, strlen(v), &reason) &&
		    reason == NULL)
			reason = "valid.bad_value";
		r->values[i] = v;
		if (reason != NULL)
			req_set_invalid(r, i, reason);
	}
}

void
req_set_invalid(struct req *r, size_t field, const char *reason)
{
	if (field >= r->nfields)
		return;
	r->invalid[field] = reason;
	r->has_invalid = true;
}

const char *
req_value(const struct req *r, size_t field)
{
	if (field >= r->nfields || r->invalid[field] != NULL)
		return NULL;
	return r->values[field];
}

bool
req_int(const struct req *r, size_t field, long long *out)
{
	const char	*v;

	if ((v = req_value(r, field)) == NULL)
		return false;
	return valid_parse_int(v, INT64_MIN, INT64_MAX, out);
}

bool
req_bool(const struct req *r, size_t field, bool def)
{
	const char	*v;
	bool		 b;

	if ((v = req_value(r, field)) == NULL || !valid_parse_bool(v, &b))
		return def;
	return b;
}

bool
req_require(struct req *r, ...)
{
	va_list	 ap;
	int	 f;
	bool	 ok = true;

	va_start(ap, r);
	while ((f = va_arg(ap, int)) >= 0) {
		if ((size_t)f >= r->nfields)
			continue;
		if (r->invalid[f] != NULL)
			ok = false;
		else if (r->values[f] == NULL || r->values[f][0] == '\0') {
			req_set_invalid(r, (size_t)f, "valid.required");
			ok = false;
		}
	}
	va_end(ap);
	return ok;
}

bool
req_only(struct req *r, unsigned long long mask)
{
	size_t	 i;

	r->has_invalid = false;
	for (i = 0; i < r->nfields; i++) {
		if (i >= 64 || (mask & REQ_F(i)) == 0)
			r->invalid[i] = NULL;
		else if (r->invalid[i] != NULL)
			r->has_invalid = true;
	}
	return !r->has_invalid;
}

void
req_focus(struct req *r, ...)
{
	unsigned long long	 mask = 0;
	va_list			 ap;
	int			 f;

	va_start(ap, r);
	while ((f = va_arg(ap, int)) >= 0)
		if (f < 64)
			mask |= REQ_F(f);
	va_end(ap);
	req_only(r, mask);
}

void
req_add_cookie(struct req *r, const char *c)
{
	if (r->nset_cookie < sizeof(r->set_cookie) / sizeof(r->set_cookie[0]))
		r->set_cookie[r->nset_cookie++] = c;
}

void
req_done(struct req *r)
{
	if (r->json != NULL) {
		json_decref(r->json);
		r->json = NULL;
	}
}
