/*
 * valid: field validators.  They only read their input and return a
 * static reason, so they are safe to run on any request bytes.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <strings.h>

#include <utf8proc.h>

#include "valid.h"

enum num {
	NUM_OK = 0,
	NUM_SYNTAX,	/* not an integer */
	NUM_RANGE	/* an integer, but outside int64 */
};

static const char *const bool_true[] = { "true", "1", "on", "yes", NULL };
static const char *const bool_false[] = { "false", "0", "off", "no", NULL };

static bool
fail(const char **reason, const char *key)
{
	if (reason != NULL)
		*reason = key;
	return false;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Parse [+-]digits (the sign only if sign_ok) from s[0..len).  The whole
 * string is scanned for syntax first, so "99999999999999999999x" is not
 * an integer rather than out of range.
 */
static enum num
parse_num(const char *s, size_t len, bool sign_ok, long long *out)
{
	unsigned long long	 v, lim;
	size_t			 i;
	bool			 neg, over;
	unsigned int		 d;

	i = 0;
	neg = false;
	if (sign_ok && len > 0 && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return NUM_SYNTAX;
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	for (v = 0, over = false; i < len; i++) {
		if (!is_digit(s[i]))
			return NUM_SYNTAX;
		d = (unsigned int)(s[i] - '0');
		if (over || v > (lim - d) / 10)
			over = true;
		else
			v = v * 10 + d;
	}
	if (over)
		return NUM_RANGE;
	if (neg)
		*out = v == (unsigned long long)LLONG_MAX + 1 ?
		    LLONG_MIN : -(long long)v;
	else
		*out = (long long)v;
	return NUM_OK;
}

/*
 * The ranges valid_int and valid_uint apply: none when both are 0.
 */
static bool
num_bounds(const struct field *f, long long v, const char **reason)
{
	if (f == NULL || (f->min == 0 && f->max == 0))
		return true;
	if (v < f->min || v > f->max)
		return fail(reason, "valid.out_of_range");
	return true;
}

/*
 * The valid_id rules, shared with valid_parse_id.
 */
static bool
id_check(const char *s, size_t len, long long *out, const char **reason)
{
	long long	 v;

	if (len == 0 || !is_digit(s[0]))
		return fail(reason, "valid.not_integer");
	/* An id has no bounds of its own to quote: "valid.not_id". */
	if (s[0] == '0')
		return fail(reason, len == 1 ?
		    "valid.not_id" : "valid.not_integer");
	switch (parse_num(s, len, false, &v)) {
	case NUM_OK:
		break;
	case NUM_SYNTAX:
		return fail(reason, "valid.not_integer");
	case NUM_RANGE:
		return fail(reason, "valid.not_id");
	}
	*out = v;
	return true;
}

/*
 * Case-insensitive (ASCII) comparison of s[0..len) with the word w.
 */
static bool
word_eq(const char *s, size_t len, const char *w)
{
	size_t	 i;
	char	 c;

	for (i = 0; i < len; i++) {
		if (w[i] == '\0')
			return false;
		c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return false;
	}
	return w[len] == '\0';
}

static bool
in_words(const char *s, size_t len, const char *const *words)
{
	for (; *words != NULL; words++)
		if (word_eq(s, len, *words))
			return true;
	return false;
}

/*
 * The value of n ASCII digits at s, or -1 when one is not a digit.
 */
static int
digits(const char *s, size_t n)
{
	int	 v;
	size_t	 i;

	for (v = 0, i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * Is s[0..10) a YYYY-MM-DD Gregorian date, years 0001-9999?
 */
static bool
date_ok(const char *s)
{
	static const int mdays[12] =
	    { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d;

	if (s[4] != '-' || s[7] != '-')
		return false;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		return false;
	return true;
}

/*
 * Is s[0..5) "HH:MM" with HH 00-23 and MM 00-59?
 */
static bool
hhmm_ok(const char *s)
{
	int	 h, m;

	if (s[2] != ':')
		return false;
	h = digits(s, 2);
	m = digits(s + 3, 2);
	return h >= 0 && h <= 23 && m >= 0 && m <= 59;
}

/*
 * The shared body of valid_text and valid_line.
 */
static bool
text_check(const struct field *f, const char *val, size_t len,
    bool multiline, const char **reason)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 i;
	long long		 count;
	bool			 ctl, blank;

	for (i = 0, count = 0, ctl = false, blank = true; i < len;
	    i += (size_t)n) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)val + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0 || cp == 0)
			return fail(reason, "valid.bad_utf8");
		if (cp < 0x20 && !(multiline &&
		    (cp == '\t' || cp == '\n' || cp == '\r')))
			ctl = true;
		else if (cp >= 0x7f && cp <= 0x9f)
			ctl = true;
		if (cp > ' ' && utf8proc_category(cp) != UTF8PROC_CATEGORY_ZS)
			blank = false;
		count++;
	}
	if (ctl)
		return fail(reason, "valid.control_chars");
	/* A required text of spaces alone says nothing. */
	if (f != NULL && f->min > 0 && blank && len > 0)
		return fail(reason, "valid.blank");
	if (f != NULL && f->min > 0 && count < f->min)
		return fail(reason, "valid.too_short");
	if (f != NULL && f->max > 0 && count > f->max)
		return fail(reason, "valid.too_long");
	return true;
}

/*
 * Accept UTF-8 text with no control characters but tab, LF and CR, whose
 * length in code points is within the field's bounds.  See valid.h.
 */
bool
valid_text(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	return text_check(f, val, len, true, reason);
}

/*
 * Accept one line of UTF-8 text: as valid_text, without tab, LF or CR.
 */
bool
valid_line(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	return text_check(f, val, len, false, reason);
}

/* A password: as valid_text, left as it was typed.  See valid.h. */
bool
valid_secret(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	return text_check(f, val, len, true, reason);
}

/*
 * Accept a signed decimal int64, within [f->min, f->max] when either is
 * set.
 */
bool
valid_int(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	long long	 v;

	switch (parse_num(val, len, true, &v)) {
	case NUM_OK:
		break;
	case NUM_SYNTAX:
		return fail(reason, "valid.not_integer");
	case NUM_RANGE:
		return fail(reason, "valid.out_of_range");
	}
	return num_bounds(f, v, reason);
}

/*
 * Accept an unsigned decimal (digits only) up to INT64_MAX, within
 * [f->min, f->max] when either is set.
 */
bool
valid_uint(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	long long	 v;

	switch (parse_num(val, len, false, &v)) {
	case NUM_OK:
		break;
	case NUM_SYNTAX:
		return fail(reason, "valid.not_integer");
	case NUM_RANGE:
		return fail(reason, "valid.out_of_range");
	}
	return num_bounds(f, v, reason);
}

/*
 * Accept a database id: 1 to INT64_MAX in canonical decimal form.
 */
bool
valid_id(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	long long	 v;

	(void)f;
	return id_check(val, len, &v, reason);
}

/*
 * Accept one of the boolean words in valid.h, in any ASCII case.
 */
bool
valid_bool(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	(void)f;
	if (in_words(val, len, bool_true) || in_words(val, len, bool_false))
		return true;
	return fail(reason, "valid.not_boolean");
}

/*
 * Accept a plausible e-mail address (the loose rules in valid.h).
 */
bool
valid_email(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 i, at, nat;

	(void)f;
	if (len > 254)
		return fail(reason, "valid.too_long");
	if (!valid_utf8(val, len))
		return fail(reason, "valid.bad_utf8");
	for (i = 0, nat = 0, at = 0; i < len; i += (size_t)n) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)val + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0 || cp <= 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return fail(reason, "valid.bad_email");
		if (cp == '@') {
			nat++;
			at = i;
		}
	}
	if (nat != 1 || at == 0)
		return fail(reason, "valid.bad_email");
	/* Domain: at least two labels, none empty. */
	if (at + 1 == len || val[at + 1] == '.' || val[len - 1] == '.' ||
	    memchr(val + at + 1, '.', len - at - 1) == NULL)
		return fail(reason, "valid.bad_email");
	for (i = at + 1; i + 1 < len; i++)
		if (val[i] == '.' && val[i + 1] == '.')
			return fail(reason, "valid.bad_email");
	return true;
}

/*
 * Accept a YYYY-MM-DD calendar date.
 */
bool
valid_date(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	(void)f;
	if (len != 10 || !date_ok(val))
		return fail(reason, "valid.bad_date");
	return true;
}

/*
 * Accept an ISO 8601 date and time (the forms in valid.h), including the
 * HTML datetime-local value.
 */
bool
valid_datetime(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	size_t	 i, nf;

	(void)f;
	if (len < 16 || !date_ok(val) || (val[10] != 'T' && val[10] != 't') ||
	    !hhmm_ok(val + 11))
		return fail(reason, "valid.bad_datetime");
	i = 16;
	if (i < len && val[i] == ':') {
		if (len - i < 3 || digits(val + i + 1, 2) < 0 ||
		    digits(val + i + 1, 2) > 59)
			return fail(reason, "valid.bad_datetime");
		i += 3;
		if (i < len && val[i] == '.') {
			for (i++, nf = 0; i < len && is_digit(val[i]); i++)
				nf++;
			if (nf < 1 || nf > 6)
				return fail(reason, "valid.bad_datetime");
		}
	}
	if (i == len)
		return true;
	if ((val[i] == 'Z' || val[i] == 'z') && i + 1 == len)
		return true;
	if ((val[i] == '+' || val[i] == '-') && len - i == 6 &&
	    hhmm_ok(val + i + 1))
		return true;
	return fail(reason, "valid.bad_datetime");
}

/*
 * Accept exactly one of f->choices.
 */
bool
valid_enum(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	const char *const	*c;

	if (f == NULL || f->choices == NULL)
		return fail(reason, "valid.not_in_list");
	for (c = f->choices; *c != NULL; c++)
		if (strlen(*c) == len && memcmp(*c, val, len) == 0)
			return true;
	return fail(reason, "valid.not_in_list");
}

/*
 * A telephone number as people write it: digits with spaces, dots,
 * dashes, parentheses and one leading '+'; 6 to 20 digits.
 */
bool
valid_phone(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	size_t	 i, digits = 0;

	(void)f;	/* the rule has no bounds to read */
	for (i = 0; i < len; i++) {
		if (val[i] >= '0' && val[i] <= '9')
			digits++;
		else if (!(val[i] == ' ' || val[i] == '.' || val[i] == '-' ||
		    val[i] == '(' || val[i] == ')' || (val[i] == '+' && i == 0)))
			return fail(reason, "valid.bad_phone");
	}
	if (digits < 6 || digits > 20 || len > 30)
		return fail(reason, "valid.bad_phone");
	return true;
}

/*
 * An absolute http or https URL with a host, no spaces or control
 * characters, at most f->max bytes (default 2000): safe to link to.
 */
bool
valid_url(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	size_t	 i, max, skip;

	max = f != NULL && f->max > 0 ? (size_t)f->max : 2000;
	if (len > max)
		return fail(reason, "valid.too_long");
	if (len > 8 && strncasecmp(val, "https://", 8) == 0)
		skip = 8;
	else if (len > 7 && strncasecmp(val, "http://", 7) == 0)
		skip = 7;
	else
		return fail(reason, "valid.bad_url");
	if (val[skip] == '/' || val[skip] == '.' || val[skip] == ':')
		return fail(reason, "valid.bad_url");
	for (i = 0; i < len; i++)
		if ((unsigned char)val[i] <= ' ' || val[i] == 0x7f ||
		    val[i] == '"' || val[i] == '<' || val[i] == '>' ||
		    val[i] == '\\')
			return fail(reason, "valid.bad_url");
	return valid_utf8(val, len) ? true : fail(reason, "valid.bad_utf8");
}

/* Whether an ISO 8601 date-time names no zone; see valid.h. */
bool
valid_zoneless(const char *v)
{
	return strlen(v) >= 16 && strpbrk(v + 16, "Zz+-") == NULL;
}

/*
 * Converts an ISO 8601 date and time accepted by valid_datetime into
 * "YYYY-MM-DD HH:MM:SS" in UTC for MariaDB.  A time without a zone is
 * taken as UTC.
 */

bool
valid_to_utc(const char *in, char out[20])
{
	struct tm	 tm;
	time_t		 t;
	int		 y, mo, d, h, mi, s = 0, n = 0, oh = 0, om = 0, sign = 0;
	const char	*p;

	if (in == NULL || !valid_datetime(NULL, in, strlen(in), NULL))
		return false;
	if (sscanf(in, "%4d-%2d-%2d%*1[Tt ]%2d:%2d%n", &y, &mo, &d, &h, &mi,
	    &n) != 5)
		return false;
	p = in + n;
	if (*p == ':') {
		s = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
		if (*p == '.')
			for (p++; *p >= '0' && *p <= '9'; p++)
				continue;
	}
	if (*p == '+' || *p == '-') {
		sign = *p == '+' ? 1 : -1;
		oh = (p[1] - '0') * 10 + (p[2] - '0');
		om = (p[4] - '0') * 10 + (p[5] - '0');
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	t = timegm(&tm) - sign * (oh * 3600 + om * 60);
	if (gmtime_r(&t, &tm) == NULL)
		return false;
	return strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) == 19;
}

/*
 * Is s[0..len) well-formed UTF-8 without NUL bytes?
 */
bool
valid_utf8(const char *s, size_t len)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 i;

	for (i = 0; i < len; i += (size_t)n) {
		if (s[i] == '\0')
			return false;
		if ((unsigned char)s[i] < 0x80) {
			n = 1;
			continue;
		}
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return false;
	}
	return true;
}

/*
 * Parse the NUL-terminated s as a database id (valid_id rules) into *out.
 */
bool
valid_parse_id(const char *s, int64_t *out)
{
	long long	 v;

	if (s == NULL || !id_check(s, strlen(s), &v, NULL))
		return false;
	*out = (int64_t)v;
	return true;
}

/*
 * Parse the NUL-terminated s as a signed decimal within [min, max] into
 * *out, like OpenBSD's strtonum() without its errno and errstr.
 */
bool
valid_parse_int(const char *s, long long min, long long max, long long *out)
{
	long long	 v;

	if (s == NULL || parse_num(s, strlen(s), true, &v) != NUM_OK ||
	    v < min || v > max)
		return false;
	*out = v;
	return true;
}

/*
 * Parse the NUL-terminated s as one of the boolean words into *out.
 */
bool
valid_parse_bool(const char *s, bool *out)
{
	size_t	 len;

	if (s == NULL)
		return false;
	len = strlen(s);
	if (in_words(s, len, bool_true))
		*out = true;
	else if (in_words(s, len, bool_false))
		*out = false;
	else
		return false;
	return true;
}

/*
 * Accept an opaque token a device or service hands out: ASCII letters,
 * digits and ":_.-", not starting with "-" (it is passed on as a command
 * argument), f->min to f->max bytes.
 */
bool
valid_token(const struct field *f, const char *val, size_t len,
    const char **reason)
{
	size_t	 i;
	char	 c;

	if (len == 0 || val[0] == '-')
		return fail(reason, "valid.bad_token");
	for (i = 0; i < len; i++) {
		c = val[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == ':' || c == '_' ||
		    c == '.' || c == '-'))
			return fail(reason, "valid.bad_token");
	}
	if (f != NULL && f->min > 0 && (long long)len < f->min)
		return fail(reason, "valid.too_short");
	if (f != NULL && f->max > 0 && (long long)len > f->max)
		return fail(reason, "valid.too_long");
	return true;
}

enum valid_json
valid_json_kind(valid_fn fn)
{
	if (fn == valid_int || fn == valid_uint || fn == valid_id)
		return VALID_JSON_INT;
	if (fn == valid_bool)
		return VALID_JSON_BOOL;
	if (fn == valid_text || fn == valid_line || fn == valid_secret ||
	    fn == valid_email || fn == valid_date || fn == valid_datetime ||
	    fn == valid_enum || fn == valid_phone || fn == valid_url ||
	    fn == valid_token)
		return VALID_JSON_TEXT;
	return VALID_JSON_ANY;
}
