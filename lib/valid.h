/*
 * valid: typed field validators and bounded parsers for path ids.
 *
 * Each program declares its fields up front in a table of struct field;
 * the core runs f->valid on every declared field and keeps, for an
 * invalid one, the reason so the form can be shown again with it.
 *
 * A validator takes the raw bytes val[0..len) (not necessarily
 * NUL-terminated; NUL bytes are rejected), returns true when they are
 * acceptable and, only on failure, sets *reason (when reason is not NULL)
 * to a static message catalog key.  The keys are:
 *
 *	"valid.bad_utf8"	not well-formed UTF-8, or a NUL byte
 *	"valid.control_chars"	a control character where none is allowed
 *	"valid.too_short"	fewer code points than f->min
 *	"valid.too_long"	more code points than f->max (or, for
 *				valid_email, more than 254 bytes)
 *	"valid.not_integer"	not an integer in the accepted form
 *	"valid.out_of_range"	an integer outside int64 or [min, max]
 *	"valid.not_boolean"	not one of the boolean words
 *	"valid.bad_email"	not an e-mail address
 *	"valid.bad_date"	not a YYYY-MM-DD calendar date
 *	"valid.bad_datetime"	not an ISO 8601 date and time
 *	"valid.not_in_list"	not one of f->choices
 *	"valid.bad_token"	not letters, digits and ":_.-" (valid_token)
 *
 * Validators never allocate and accept f == NULL as "no bounds, no
 * choices".  Values are compared byte for byte: nothing is trimmed, so
 * " 1" is not an integer.
 */
#ifndef AGORA_VALID_H
#define AGORA_VALID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct field;

typedef bool (*valid_fn)(const struct field *, const char *val, size_t len,
    const char **reason);

struct field {
	const char	*name;		/* form / JSON / query key */
	valid_fn	 valid;
	/* Code points for text, the value for numbers; 0, 0 = no bound. */
	long long	 min, max;
	const char *const *choices;	/* valid_enum: NULL-terminated list */
};

/*
 * valid_text: UTF-8 with no control characters (C0, DEL, C1) other than
 * tab, LF and CR; the length in code points must be at least f->min and,
 * when f->max is not 0, at most f->max.
 * valid_line: as valid_text, but tab, LF and CR are refused too.
 * valid_secret: as valid_text, for passwords: req_validate() keeps free
 * text in NFC, but a secret stays the bytes it was hashed from.
 */
bool	valid_text(const struct field *, const char *, size_t, const char **);
bool	valid_line(const struct field *, const char *, size_t, const char **);
bool	valid_secret(const struct field *, const char *, size_t,
	    const char **);

/*
 * valid_int: an optional '+' or '-' then one or more ASCII digits, fitting
 * int64; when f->min or f->max is not 0 the value must lie in
 * [f->min, f->max] (both ends apply, so give both).
 * valid_uint: as valid_int without the sign.
 * valid_id: a database id, 1 to INT64_MAX, digits only, no leading zero,
 * no sign; f->min and f->max are not used.
 */
bool	valid_int(const struct field *, const char *, size_t, const char **);
bool	valid_uint(const struct field *, const char *, size_t, const char **);
bool	valid_id(const struct field *, const char *, size_t, const char **);

/*
 * valid_bool: true false 1 0 on off yes no, in any ASCII case (an HTML
 * checkbox sends "on").
 */
bool	valid_bool(const struct field *, const char *, size_t, const char **);

/*
 * valid_email: loose, as a sign-up form needs: at most 254 bytes of UTF-8,
 * exactly one '@', a non-empty local part, a domain holding a dot with no
 * empty label (no leading, trailing or doubled dot), and no space or
 * control character anywhere.  Deliverability is the mail's job.
 */
bool	valid_email(const struct field *, const char *, size_t, const char **);

/*
 * valid_date: YYYY-MM-DD, a real Gregorian date, years 0001 to 9999.
 * valid_datetime: YYYY-MM-DDTHH:MM[:SS[.f]][Z|+HH:MM|-HH:MM], with 1 to 6
 * fraction digits, 'T' and 'Z' in either case; without a zone this is the
 * HTML datetime-local form.  Hours 00-23, minutes and seconds 00-59.
 */
bool	valid_date(const struct field *, const char *, size_t, const char **);
bool	valid_datetime(const struct field *, const char *, size_t,
	    const char **);

/*
 * valid_enum: val equals one of f->choices exactly (case-sensitive).
 */
bool	valid_enum(const struct field *, const char *, size_t, const char **);

/*
 * valid_phone: digits with spaces . - ( ) and a leading +, 6 to 20
 * digits ("valid.bad_phone").  valid_url: an absolute http(s) URL with
 * no spaces, quotes or angle brackets, at most f->max bytes
 * ("valid.bad_url", "valid.too_long").
 */
bool	valid_phone(const struct field *, const char *, size_t, const char **);
/* An accepted ISO 8601 date-time as "YYYY-MM-DD HH:MM:SS" UTC for
 * MariaDB (no zone means UTC); false when it is not one. */
bool	valid_to_utc(const char *, char out[20]);
/* Whether an accepted ISO 8601 date-time names no zone (no Z, no offset
 * after the time), as a datetime-local input sends it. */
bool	valid_zoneless(const char *);
bool	valid_url(const struct field *, const char *, size_t, const char **);
/* Letters, digits and ":_.-", not starting with "-": valid.bad_token. */
bool	valid_token(const struct field *, const char *, size_t, const char **);

/*
 * The JSON type a validator reads from a JSON body: text, a whole number,
 * true or false; VALID_JSON_ANY (a number or its text) for validators of a
 * program's own.  A validator added here says which it reads.
 */
enum valid_json { VALID_JSON_ANY, VALID_JSON_TEXT, VALID_JSON_INT,
    VALID_JSON_BOOL };
enum valid_json	 valid_json_kind(valid_fn);

/*
 * valid_utf8: s[0..len) is well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequence) with no NUL.
 */
bool	valid_utf8(const char *, size_t);

/*
 * Bounded parsers for NUL-terminated strings, such as path segments.  On
 * success they store the value in *out and return true; on failure they
 * return false and leave *out alone.
 * valid_parse_id: the valid_id rules.
 * valid_parse_int: the valid_int syntax, value within [min, max] (always
 * checked; min > max accepts nothing).
 * valid_parse_bool: the valid_bool words.
 */
bool	valid_parse_id(const char *s, int64_t *out);
bool	valid_parse_int(const char *s, long long min, long long max,
	    long long *out);
bool	valid_parse_bool(const char *s, bool *out);

#endif
