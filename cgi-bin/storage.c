/*
 * storage: the one place where files enter and leave Ágora.  Owns the
 * files table and the links to it (events.cover_file_id,
 * users.avatar_file_id; megaevent_images rows are added here, edited by
 * megaevents).  Bytes live under [storage] dir named by their SHA-256,
 * never by the client's name; the gateway serves them from an internal
 * location once this program has said who may see them.
 *
 *   POST /files, POST /api/v1/files        upload (multipart: file, kind,
 *                                          event_id, megaevent_id, caption)
 *   GET  /files                            my files and the upload form
 *   GET  /files/{id}                       the file (X-Accel-Redirect)
 *   GET  /files/{id}/thumb/{size}          160 or 480, .webp or .jpg
 *   POST /files/{id}/delete, DELETE /api/v1/files/{id}   owner or admin
 *   POST /files/{id}/attach                a picture already here as a
 *                                          cover, in a gallery, as avatar
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "cfg.h"
#include "image.h"
#include "log.h"
#include "mem.h"
#include "multipart.h"
#include "outbox.h"
#include "req.h"
#include "sess.h"

#define HEAD_MAX	(256 * 1024)	/* bytes kept to tell the type */
#define FIELD_MAX	1024		/* a text field of the upload form */
#define FIELDS_MAX	16
#define PAGE_SIZE	20
#define ACCEL		"/_files/"

enum st_field { ST_KIND, ST_EVENT, ST_MEGAEVENT, ST_CAPTION, ST_BEFORE,
	ST__MAX };

static const char *const kinds[] = {
	"image", "cover", "gallery", "avatar", "document", NULL
};

static const struct field fields[ST__MAX] = {
	{ "kind", valid_enum, 0, 0, kinds },		/* ST_KIND */
	{ "event_id", valid_id, 0, 0, NULL },		/* ST_EVENT */
	{ "megaevent_id", valid_id, 0, 0, NULL },	/* ST_MEGAEVENT */
	{ "caption", valid_line, 0, 300, NULL },	/* ST_CAPTION */
	{ "before", valid_id, 0, 0, NULL },		/* ST_BEFORE */
};

enum st_stmt {
	STMT_USED,
	STMT_INSERT,
	STMT_GET,
	STMT_EVENT_OWNER,
	STMT_COVER,
	STMT_AVATAR,
	STMT_ME_OWNER,
	STMT_GALLERY_ADD,
	STMT_LOCK,
	STMT_DETACH_COVER,
	STMT_DETACH_AVATAR,
	STMT_DETACH_GALLERY,
	STMT_DELETE,
	STMT_SHA_USED,
	STMT_LIST,
	STMT__MAX
};

/* Whether file f is shown to all: a public picture, while nothing
 * private uses it (a draft's cover, a private mega event's gallery).
 * Those pages are 404 to others, and so are their pictures. */
#define SHOWN								\
	"(f.public AND NOT EXISTS (SELECT 1 FROM events e WHERE "	\
	"e.cover_file_id = f.id AND e.status = 'draft') AND NOT EXISTS "	\
	"(SELECT 1 FROM megaevent_images mi JOIN megaevents m ON m.id = "	\
	"mi.megaevent_id WHERE mi.file_id = f.id AND m.is_public = 0))"

static struct db_stmt stmts[STMT__MAX] = {
	/* STMT_USED: the owner's quota in use */
	{ "SELECT CAST(COALESCE(SUM(size), 0) AS SIGNED) AS used FROM files "
	  "WHERE owner_id = ? FOR UPDATE",
	  NULL, 0 },
	/* STMT_INSERT */
	{ "INSERT INTO files (owner_id, kind, mime, size, sha256, width, "
	  "height, public, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL, 0 },
	/* STMT_GET */
	{ "SELECT f.id, f.owner_id, f.kind, f.mime, f.size, f.sha256, "
	  "f.width, f.height, " SHOWN " AS public, f.name, f.created_at "
	  "FROM files f WHERE f.id = ?", NULL, 0 },
	/* STMT_EVENT_OWNER */
	{ "SELECT organizer_id, title, status FROM events WHERE id = ? "
	  "FOR UPDATE", NULL, 0 },
	/* STMT_COVER */
	{ "UPDATE events SET cover_file_id = ? WHERE id = ?", NULL, 0 },
	/* STMT_AVATAR */
	{ "UPDATE users SET avatar_file_id = ? WHERE id = ?", NULL, 0 },
	/* STMT_ME_OWNER */
	{ "SELECT organizer_id, title, IF(is_public, 'public', 'private') AS "
	  "status FROM megaevents WHERE id = ? FOR UPDATE", NULL, 0 },
	/* STMT_GALLERY_ADD: at the end of the gallery */
	{ "INSERT INTO megaevent_images (megaevent_id, file_id, caption, "
	  "position) SELECT ?, ?, NULLIF(?, ''), COALESCE(MAX(position), 0) + 1 "
	  "FROM megaevent_images WHERE megaevent_id = ?", NULL, 0 },
	/* STMT_LOCK: the file to delete, if the caller may */
	{ "SELECT f.id, f.owner_id, f.sha256, " SHOWN " AS public FROM files f "
	  "WHERE f.id = ? FOR UPDATE", NULL, 0 },
	/* STMT_DETACH_COVER */
	{ "UPDATE events SET cover_file_id = NULL WHERE cover_file_id = ?",
	  NULL, 0 },
	/* STMT_DETACH_AVATAR */
	{ "UPDATE users SET avatar_file_id = NULL WHERE avatar_file_id = ?",
	  NULL, 0 },
	/* STMT_DETACH_GALLERY */
	{ "DELETE FROM megaevent_images WHERE file_id = ?", NULL, 0 },
	/* STMT_DELETE */
	{ "DELETE FROM files WHERE id = ?", NULL, 0 },
	/* STMT_SHA_USED: other rows that share the bytes; a locking read,
	 * so an upload of the same bytes waits until they are gone or kept */
	{ "SELECT COUNT(*) AS n FROM files WHERE sha256 = ? FOR UPDATE", NULL,
	  0 },
	/* STMT_LIST: one row more than a page tells whether there is a next */
	{ "SELECT id, kind, mime, size, width, height, public, name, "
	  "created_at FROM files WHERE owner_id = ? AND (? IS NULL OR id < ?) "
	  "ORDER BY id DESC LIMIT ?", NULL, 0 },
};

#define P(...)	((const struct db_param[]){ __VA_ARGS__, DB_END })

/* The sizes the pages use: a card or an avatar, a cover or a gallery. */
static const unsigned thumb_sizes[] = { 160, 480 };
#define NTHUMBS	(sizeof(thumb_sizes) / sizeof(thumb_sizes[0]))

static struct {
	const char	*dir;
	long long	 image_max, document_max, quota, max_pixels;
	unsigned	 side;
} conf;

static magic_t	 magic;

/* ------------------------------------------------------------ the store */

/* dir/ab/cd/<sha><suffix>; rel (may be NULL) gets the part after dir. */
static const char *
store_path(struct req *r, const char *sha, const char *suffix,
    const char **rel)
{
	const char	*p;

	p = arena_printf(r->arena, "%.2s/%.2s/%s%s", sha, sha + 2, sha, suffix);
	if (rel != NULL)
		*rel = p;
	return arena_printf(r->arena, "%s/%s", conf.dir, p);
}

/* Creates dir/ab/cd for a hash. */
static int
store_dirs(const char *sha)
{
	char	 p[4096];

	snprintf(p, sizeof(p), "%s/%.2s", conf.dir, sha);
	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		return -1;
	snprintf(p, sizeof(p), "%s/%.2s/%.2s", conf.dir, sha, sha + 2);
	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

/* A new temporary file in dir/tmp (the same file system, so it can be
 * renamed into place); -1 with errno. */
static int
store_temp(char *path, size_t len)
{
	int	 fd;

	snprintf(path, len, "%s/tmp/up-XXXXXX", conf.dir);
	if ((fd = mkstemp(path)) < 0)
		return -1;
	fchmod(fd, 0644);
	return fd;
}

static int
write_all(int fd, const void *p, size_t n)
{
	const char	*c = p;
	ssize_t		 w;

	while (n > 0) {
		if ((w = write(fd, c, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Makes a finished temporary file durable and gives it its name.  When
 * the name exists the bytes are already there (same hash). */
static int
store_commit(int fd, const char *tmp, const char *final, bool *created)
{
	struct stat	 st;

	*created = false;
	if (fsync(fd) != 0)
		return -1;
	if (stat(final, &st) == 0) {
		unlink(tmp);
		return 0;
	}
	if (rename(tmp, final) != 0)
		return -1;
	*created = true;
	return 0;
}

/* Writes bytes to dir under their own hash plus suffix. */
static int
store_bytes(const char *path, const void *p, size_t n, bool *created)
{
	char	 tmp[4096];
	int	 fd, rc = -1;

	*created = false;
	if ((fd = store_temp(tmp, sizeof(tmp))) < 0)
		return -1;
	if (write_all(fd, p, n) == 0 && store_commit(fd, tmp, path,
	    created) == 0)
		rc = 0;
	else
		unlink(tmp);
	close(fd);
	return rc;
}

static void
sha_hex(const unsigned char h[32], char out[65])
{
	sodium_bin2hex(out, 65, h, 32);
}

/* ------------------------------------------------------------- uploads */

/* What one upload carries while its body streams in. */
struct upload {
	struct req		*r;
	int			 fd;
	char			 tmp[4096];
	crypto_hash_sha256_state sha;
	size_t			 size, limit;
	bool			 got_file, in_file, in_field;
	enum http_status	 st;		/* why the parse stopped */
	const char		*detail;
	char			 filename[MP_NAME_MAX];
	char			 fname[MP_NAME_MAX];
	struct buf		 field;
	struct form_pair	 pairs[FIELDS_MAX];
	size_t			 npairs;
	unsigned char		*head;
	size_t			 hlen;
	const char		*kind;		/* sent before the file */
	long long		 room;		/* quota left */
};

static int
up_stop(struct upload *u, enum http_status st, const char *detail)
{
	u->st = st;
	u->detail = detail;
	return -1;
}

/* The fields read so far, for the CSRF check and the validators. */
static void
up_pairs(struct upload *u)
{
	struct req		*r = u->r;
	struct form_pair	*all;

	all = arena_alloc(r->arena, (r->npairs + u->npairs + 1) *
	    sizeof(*all));
	memcpy(all, u->pairs, u->npairs * sizeof(*all));
	if (r->npairs > 0)
		memcpy(all + u->npairs, r->pairs, r->npairs * sizeof(*all));
	r->pairs = all;
	r->npairs += u->npairs;
	u->npairs = 0;
}

/* Forms sent with the session cookie prove themselves before any byte
 * of the file is kept: their _csrf field comes first. */
static bool
up_csrf_ok(struct upload *u)
{
	struct req	*r = u->r;
	struct form_pair saved[FIELDS_MAX];
	size_t		 n = u->npairs;
	bool		 ok;

	if (r->user.bearer || (r->api && req_cookie(r, SESS_COOKIE) == NULL))
		return true;
	memcpy(saved, u->pairs, n * sizeof(saved[0]));
	up_pairs(u);
	ok = sess_csrf_ok(r);
	memcpy(u->pairs, saved, n * sizeof(saved[0]));
	u->npairs = n;
	r->npairs -= n;
	r->pairs += n;
	return ok;
}

static int
up_begin(void *arg, const struct mp_part *p)
{
	struct upload	*u = arg;
	size_t		 i;

	if (p->is_file || strcmp(p->name, "file") == 0) {
		if (strcmp(p->name, "file") != 0)
			return 0;	/* another file field: ignored */
		if (u->got_file)
			return up_stop(u, HTTP_UNPROCESSABLE,
			    "storage.problem.one_file");
		if (!up_csrf_ok(u))
			return up_stop(u, HTTP_FORBIDDEN, "error_detail.csrf");
		for (i = 0; i < u->npairs; i++)
			if (strcmp(u->pairs[i].key, "kind") == 0)
				u->kind = u->pairs[i].val;
		if (u->kind != NULL && strcmp(u->kind, "document") == 0)
			u->limit = (size_t)conf.document_max;
		else if (u->kind != NULL)
			u->limit = (size_t)conf.image_max;
		if (u->room <= 0)
			return up_stop(u, HTTP_PAYLOAD_TOO_LARGE,
			    "storage.problem.quota");
		u->got_file = u->in_file = true;
		snprintf(u->filename, sizeof(u->filename), "%s", p->filename);
		return 0;
	}
	if (u->npairs == FIELDS_MAX)
		return up_stop(u, HTTP_PAYLOAD_TOO_LARGE, "error_detail.413");
	snprintf(u->fname, sizeof(u->fname), "%s", p->name);
	buf_reset(&u->field);
	u->in_field = true;
	return 0;
}

static int
up_data(void *arg, const char *d, size_t n)
{
	struct upload	*u = arg;

	if (u->in_field) {
		if (u->field.len + n > FIELD_MAX)
			return up_stop(u, HTTP_PAYLOAD_TOO_LARGE,
			    "error_detail.413");
		buf_append(&u->field, d, n);
		return 0;
	}
	if (!u->in_file)
		return 0;
	if (u->size + n > u->limit)
		return up_stop(u, HTTP_PAYLOAD_TOO_LARGE,
		    "storage.problem.too_large");
	if ((long long)(u->size + n) > u->room)
		return up_stop(u, HTTP_PAYLOAD_TOO_LARGE,
		    "storage.problem.quota");
	if (u->hlen < HEAD_MAX) {
		size_t k = HEAD_MAX - u->hlen < n ? HEAD_MAX - u->hlen : n;

		memcpy(u->head + u->hlen, d, k);
		u->hlen += k;
	}
	crypto_hash_sha256_update(&u->sha, (const unsigned char *)d, n);
	if (write_all(u->fd, d, n) != 0) {
		if (errno == ENOSPC || errno == EDQUOT || errno == EFBIG)
			return up_stop(u, HTTP_INSUFFICIENT_STORAGE,
			    "storage.problem.disk_full");
		log_warn("write %s", u->tmp);
		return up_stop(u, HTTP_INTERNAL_ERROR, NULL);
	}
	u->size += n;
	return 0;
}

static int
up_end(void *arg, const struct mp_part *p)
{
	struct upload	*u = arg;
	struct arena	*a = u->r->arena;

	(void)p;
	if (u->in_field) {
		if (!valid_utf8(buf_str(&u->field), u->field.len) ||
		    memchr(buf_str(&u->field), '\0', u->field.len) != NULL)
			return up_stop(u, HTTP_BAD_REQUEST, "valid.bad_utf8");
		u->pairs[u->npairs].key = arena_strdup(a, u->fname);
		u->pairs[u->npairs].val = arena_strndup(a, buf_str(&u->field),
		    u->field.len);
		u->npairs++;
	}
	u->in_field = u->in_file = false;
	return 0;
}

static const struct mp_callbacks up_cb = { up_begin, up_data, up_end };

/* Streams the body through the parser into the temporary file. */
static enum http_status
up_read(struct upload *u)
{
	static char		 chunk[64 * 1024];
	struct req		*r = u->r;
	struct multipart	*mp;
	char			 boundary[MP_BOUNDARY_MAX + 1];
	enum mp_status		 ms = MP_OK;
	int			 got, want;

	if (!mp_boundary(r->content_type, boundary)) {
		r->detail = "storage.problem.multipart";
		return HTTP_BAD_REQUEST;
	}
	mp = mp_new(boundary, FIELDS_MAX + 4, &up_cb, u);
	while (r->body_unread > 0 && ms == MP_OK) {
		want = r->body_unread < sizeof(chunk) ? (int)r->body_unread :
		    (int)sizeof(chunk);
		if ((got = FCGX_GetStr(chunk, want, r->body_in)) <= 0)
			break;
		r->body_unread -= (size_t)got;
		ms = mp_feed(mp, chunk, (size_t)got);
	}
	if (ms == MP_OK)
		ms = mp_finish(mp);
	mp_free(mp);
	if (ms == MP_ABORTED && u->st != HTTP_OK) {
		r->detail = u->detail;
		return u->st;
	}
	if (ms != MP_OK) {
		log_debug("upload: %s", mp_status_name(ms));
		r->detail = ms == MP_HEADERS_TOO_LONG ||
		    ms == MP_TOO_MANY_PARTS ? "error_detail.413" :
		    "storage.problem.multipart";
		return ms == MP_HEADERS_TOO_LONG || ms == MP_TOO_MANY_PARTS ?
		    HTTP_PAYLOAD_TOO_LARGE : HTTP_BAD_REQUEST;
	}
	/* A form without a file still proves itself before it is answered. */
	if (!u->got_file && !up_csrf_ok(u)) {
		r->detail = "error_detail.csrf";
		return HTTP_FORBIDDEN;
	}
	up_pairs(u);
	return HTTP_OK;
}

/* The client's file name as metadata: its last path segment, no control
 * characters, valid UTF-8, or NULL. */
static const char *
clean_name(struct req *r, const char *s)
{
	const char	*b;
	char		*o, *p;

	if ((b = strrchr(s, '/')) != NULL)
		s = b + 1;
	if ((b = strrchr(s, '\\')) != NULL)
		s = b + 1;
	o = p = arena_strdup(r->arena, s);
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			*p++ = *s;
	*p = '\0';
	if (*o == '\0' || !valid_utf8(o, strlen(o)))
		return NULL;
	return o;
}

/* What the upload is once its bytes are known. */
struct stored {
	const char	*mime, *kind, *name;
	char		 sha[65];
	size_t		 size;
	unsigned	 w, h;
	bool		 image, pub;
	const char	*made[1 + 2 * NTHUMBS];	/* files this upload made */
	size_t		 nmade;
	int64_t		 id;
};

static void	drop_bytes(struct req *, const char *);

/* A failed upload takes back the bytes it wrote, unless a row of a
 * parallel upload of the same bytes names them by now. */
static void
stored_undo(struct req *r, struct stored *s)
{
	if (s->nmade > 0)
		drop_bytes(r, s->sha);
	s->nmade = 0;
}

/* Encodes im as t under the hash's name with suffix; adds the size. */
static enum http_status
put_image(struct req *r, struct stored *s, gdImagePtr im, enum img_type t,
    const char *suffix)
{
	void		*p;
	size_t		 n;
	const char	*path;
	bool		 created;
	int		 rc;

	if ((p = img_encode(im, t, &n)) == NULL)
		return HTTP_INTERNAL_ERROR;
	path = store_path(r, s->sha, suffix, NULL);
	rc = store_bytes(path, p, n, &created);
	gdFree(p);
	if (rc != 0)
		return errno == ENOSPC || errno == EDQUOT ?
		    HTTP_INSUFFICIENT_STORAGE : HTTP_INTERNAL_ERROR;
	if (created)
		s->made[s->nmade++] = path;
	s->size += n;
	return HTTP_OK;
}

/* Decodes, turns upright, strips and re-encodes a picture, then makes
 * its thumbnails; the stored name is the hash of the new bytes. */
static enum http_status
keep_image(struct upload *u, struct stored *s, enum img_type t)
{
	struct req		*r = u->r;
	unsigned char		 h[32];
	gdImagePtr		 im = NULL, th;
	enum img_type		 out;
	enum http_status	 st = HTTP_INTERNAL_ERROR;
	FILE			*f = NULL;
	void			*p = NULL;
	size_t			 n, i, j;
	int			 fd;
	const char		*path;
	bool			 created;

	if (!img_probe(u->head, u->hlen, t, &s->w, &s->h)) {
		r->detail = "storage.problem.damaged";
		return HTTP_UNPROCESSABLE;
	}
	if ((long long)s->w * s->h > conf.max_pixels) {
		r->detail = "storage.problem.too_many_pixels";
		return HTTP_UNPROCESSABLE;
	}
	if ((fd = dup(u->fd)) < 0 || lseek(fd, 0, SEEK_SET) != 0 ||
	    (f = fdopen(fd, "rb")) == NULL) {
		if (fd >= 0)
			close(fd);
		return HTTP_INTERNAL_ERROR;
	}
	im = img_load(f, t, conf.side, t == IMG_JPEG ?
	    img_orientation(u->head, u->hlen) : 1);
	fclose(f);
	if (im == NULL) {
		r->detail = "storage.problem.damaged";
		return HTTP_UNPROCESSABLE;
	}
	out = t == IMG_GIF ? IMG_PNG : t;
	s->mime = out == IMG_JPEG ? "image/jpeg" : out == IMG_PNG ?
	    "image/png" : "image/webp";
	s->w = (unsigned)gdImageSX(im);
	s->h = (unsigned)gdImageSY(im);
	if ((p = img_encode(im, out, &n)) == NULL)
		goto out;
	crypto_hash_sha256(h, p, n);
	sha_hex(h, s->sha);
	if (store_dirs(s->sha) != 0)
		goto out;
	path = store_path(r, s->sha, "", NULL);
	if (store_bytes(path, p, n, &created) != 0) {
		st = errno == ENOSPC || errno == EDQUOT ?
		    HTTP_INSUFFICIENT_STORAGE : HTTP_INTERNAL_ERROR;
		goto out;
	}
	if (created)
		s->made[s->nmade++] = path;
	s->size = n;
	for (i = 0; i < NTHUMBS; i++) {
		if ((th = img_fit(im, thumb_sizes[i], true)) == NULL) {
			st = HTTP_INTERNAL_ERROR;	/* out of memory */
			goto out;
		}
		for (j = 0; j < 2; j++) {
			st = put_image(r, s, th, j == 0 ? IMG_WEBP : IMG_JPEG,
			    arena_printf(r->arena, "-%u.%s", thumb_sizes[i],
			    j == 0 ? "webp" : "jpg"));
			if (st != HTTP_OK)
				break;
		}
		gdImageDestroy(th);
		if (st != HTTP_OK)
			goto out;
	}
	st = HTTP_OK;
out:
	if (st == HTTP_INSUFFICIENT_STORAGE)
		r->detail = "storage.problem.disk_full";
	if (p != NULL)
		gdFree(p);
	gdImageDestroy(im);
	return st;
}

/* A document is kept as sent, under the hash of its bytes. */
static enum http_status
keep_document(struct upload *u, struct stored *s)
{
	struct req	*r = u->r;
	unsigned char	 h[32];
	const char	*path;
	bool		 created;

	crypto_hash_sha256_final(&u->sha, h);
	sha_hex(h, s->sha);
	s->size = u->size;
	path = store_path(r, s->sha, "", NULL);
	if (store_dirs(s->sha) != 0 || store_commit(u->fd, u->tmp, path,
	    &created) != 0) {
		if (errno == ENOSPC || errno == EDQUOT) {
			r->detail = "storage.problem.disk_full";
			return HTTP_INSUFFICIENT_STORAGE;
		}
		return HTTP_INTERNAL_ERROR;
	}
	u->tmp[0] = '\0';	/* renamed or dropped: nothing to clean */
	if (created)
		s->made[s->nmade++] = path;
	return HTTP_OK;
}

/* Decides the type from the bytes and checks it against the kind. */
static enum http_status
classify(struct upload *u, struct stored *s, enum img_type *t)
{
	struct req	*r = u->r;
	const char	*mime, *kind = req_value(r, ST_KIND);

	if (magic == NULL) {
		if ((magic = magic_open(MAGIC_MIME_TYPE)) == NULL ||
		    magic_load(magic, NULL) != 0) {
			log_warnx("libmagic: %s", magic ? magic_error(magic) :
			    "cannot open");
			return HTTP_INTERNAL_ERROR;
		}
	}
	mime = magic_buffer(magic, u->head, u->hlen);
	mime = arena_strdup(r->arena, mime != NULL ? mime :
	    "application/octet-stream");
	*t = img_type_of(mime);
	if (kind == NULL)
		kind = strcmp(mime, "application/pdf") == 0 ? "document" :
		    "image";
	s->kind = kind;
	s->mime = mime;
	if (strcmp(kind, "document") == 0) {
		if (strcmp(mime, "application/pdf") != 0) {
			r->detail = "storage.problem.not_pdf";
			return HTTP_UNSUPPORTED_MEDIA_TYPE;
		}
		if ((long long)u->size > conf.document_max) {
			r->detail = "storage.problem.too_large";
			return HTTP_PAYLOAD_TOO_LARGE;
		}
		return HTTP_OK;
	}
	if (*t == IMG_NONE) {
		r->detail = "storage.problem.not_image";
		return HTTP_UNSUPPORTED_MEDIA_TYPE;
	}
	if ((long long)u->size > conf.image_max) {
		r->detail = "storage.problem.too_large";
		return HTTP_PAYLOAD_TOO_LARGE;
	}
	s->image = s->pub = true;
	return HTTP_OK;
}

struct link {
	struct req	*r;
	struct stored	*s;
	enum http_status st;
};

/* Who may change what the upload is attached to: its owner or an admin. */
static enum db_status
check_owner(struct link *l, enum st_stmt stmt, int64_t id, json_t **row)
{
	enum db_status	 rc;
	int64_t		 owner;
	const char	*st;

	rc = db_query_one(&stmts[stmt], P(DB_INT(id)), row);
	if (rc == DB_NOTFOUND)
		l->st = HTTP_NOT_FOUND;
	if (rc != DB_OK)
		return rc;
	owner = json_integer_value(json_object_get(*row, "organizer_id"));
	if (owner != l->r->user.id && l->r->user.role != ROLE_ADMIN) {
		/* What others may not see does not exist for them. */
		st = json_string_value(json_object_get(*row, "status"));
		l->st = st != NULL && (strcmp(st, "draft") == 0 ||
		    strcmp(st, "private") == 0) ? HTTP_NOT_FOUND :
		    HTTP_FORBIDDEN;
		return DB_NOTFOUND;
	}
	return DB_OK;
}

/* What a notifier needs about the event or mega event that changed. */
static json_t *
change_payload(struct req *r, const char *key, long long id, json_t *row,
    const char *what)
{
	return json_pack("{s:I, s:O, s:O, s:O, s:I, s:s, s:s}", key,
	    (json_int_t)id, "organizer_id", json_object_get(row, "organizer_id"),
	    "title", json_object_get(row, "title"), "status",
	    json_object_get(row, "status"), "by", (json_int_t)r->user.id,
	    "action", what, "change", what);
}

/* Puts the file where its kind says: an event's cover, the end of a mega
 * event's gallery, the caller's avatar. */
static enum db_status
link_file(struct link *l)
{
	struct req	*r = l->r;
	struct stored	*s = l->s;
	json_t		*row = NULL;
	long long	 ev, me;
	enum db_status	 rc;

	if (strcmp(s->kind, "cover") == 0 && req_int(r, ST_EVENT, &ev)) {
		if ((rc = check_owner(l, STMT_EVENT_OWNER, ev, &row)) != DB_OK ||
		    (rc = db_exec(&stmts[STMT_COVER], P(DB_INT(s->id),
		    DB_INT(ev)), NULL, NULL)) != DB_OK ||
		    (rc = outbox_append("event.updated", change_payload(r,
		    "event_id", ev, row, "cover"))) != DB_OK) {
			json_decref(row);
			return rc;
		}
		json_decref(row);
	} else if (strcmp(s->kind, "gallery") == 0 &&
	    req_int(r, ST_MEGAEVENT, &me)) {
		if ((rc = check_owner(l, STMT_ME_OWNER, me, &row)) != DB_OK ||
		    (rc = db_exec(&stmts[STMT_GALLERY_ADD], P(DB_INT(me),
		    DB_INT(s->id), DB_TEXT(req_value(r, ST_CAPTION)), DB_INT(me)),
		    NULL, NULL)) != DB_OK ||
		    (rc = outbox_append("megaevent.updated", change_payload(r,
		    "megaevent_id", me, row, "image_added"))) != DB_OK) {
			json_decref(row);
			return rc;
		}
		json_decref(row);
	} else if (strcmp(s->kind, "avatar") == 0) {
		if ((rc = db_exec(&stmts[STMT_AVATAR], P(DB_INT(s->id),
		    DB_INT(r->user.id)), NULL, NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

static enum db_status
insert_tx(void *arg)
{
	struct link	*l = arg;
	struct req	*r = l->r;
	struct stored	*s = l->s;
	struct stat	 sb;
	json_t		*row = NULL;
	uint64_t	 id;
	long long	 used;
	enum db_status	 rc;

	rc = db_query_one(&stmts[STMT_USED], P(DB_INT(r->user.id)), &row);
	if (rc != DB_OK)
		return rc;
	used = json_integer_value(json_object_get(row, "used"));
	json_decref(row);
	row = NULL;
	if (used + (long long)s->size > conf.quota) {
		l->st = HTTP_PAYLOAD_TOO_LARGE;
		r->detail = "storage.problem.quota";
		return DB_CONFLICT;
	}
	if ((rc = db_exec(&stmts[STMT_INSERT], P(DB_INT(r->user.id),
	    DB_TEXT(s->kind), DB_TEXT(s->mime), DB_INT((long long)s->size),
	    DB_TEXT(s->sha), s->image ? DB_INT(s->w) : DB_NULL,
	    s->image ? DB_INT(s->h) : DB_NULL, DB_INT(s->pub),
	    DB_TEXT(s->name)), NULL, &id)) != DB_OK)
		return rc;
	s->id = (int64_t)id;
	/* Our row now holds a deletion of the same bytes back; one that
	 * came first took them away: this upload cannot be kept. */
	if (stat(store_path(r, s->sha, "", NULL), &sb) != 0) {
		l->st = HTTP_UNAVAILABLE;
		r->detail = "storage.problem.retry";
		return DB_CONFLICT;
	}
	if ((rc = link_file(l)) != DB_OK)
		return rc;
	return outbox_append("file.created", json_pack("{s:I, s:I, s:s, s:s}",
	    "file_id", (json_int_t)s->id, "owner_id", (json_int_t)r->user.id,
	    "kind", s->kind, "type", s->mime));
}

/* The API's view of a file row or a fresh upload. */
static void
file_model(json_t *m, int64_t id, const char *mime, long long size,
    bool image, unsigned w, unsigned h)
{
	json_t	*th;
	size_t	 i;

	th = json_array();
	for (i = 0; image && i < NTHUMBS; i++) {
		char	 webp[96], jpeg[96];

		snprintf(webp, sizeof(webp), "/files/%lld/thumb/%u.webp",
		    (long long)id, thumb_sizes[i]);
		snprintf(jpeg, sizeof(jpeg), "/files/%lld/thumb/%u.jpg",
		    (long long)id, thumb_sizes[i]);
		json_array_append_new(th, json_pack("{s:i, s:s, s:s}", "size",
		    (int)thumb_sizes[i], "webp", webp, "jpeg", jpeg));
	}
	json_object_set_new(m, "id", json_integer(id));
	json_object_set_new(m, "url", json_sprintf("/files/%lld",
	    (long long)id));
	json_object_set_new(m, "type", json_string(mime));
	json_object_set_new(m, "size", json_integer(size));
	json_object_set_new(m, "width", image ? json_integer(w) : json_null());
	json_object_set_new(m, "height", image ? json_integer(h) : json_null());
	json_object_set_new(m, "thumbnails", th);
}

/* Where a page goes after an upload. */
static const char *
back_to(struct req *r, const struct stored *s)
{
	long long	 id;

	if (strcmp(s->kind, "cover") == 0 && req_int(r, ST_EVENT, &id))
		return arena_printf(r->arena, "/events/%lld", id);
	if (strcmp(s->kind, "gallery") == 0 && req_int(r, ST_MEGAEVENT, &id))
		return arena_printf(r->arena, "/megaevents/%lld#gallery", id);
	if (strcmp(s->kind, "avatar") == 0)
		return "/users/me";
	return "/files";
}

/*
 * POST /files (page form) and POST /api/v1/files: any signed-in user.  A
 * multipart body with the field "file" and optionally kind (image, cover,
 * gallery, avatar, document), event_id (cover), megaevent_id and caption
 * (gallery).  201 {id, url, type, size, width, height, thumbnails}; the
 * page goes back to what the file was for.  415 for a type the kind does
 * not take, 413 past the kind's size or the quota, 422 for a damaged
 * picture or one with too many pixels, 507 when the disk is full.
 */
static void	sweep(const char *, time_t);

/* A worker killed mid-upload leaves its temporary file: now and then an
 * upload clears those no one has written to for an hour. */
static void
tidy_tmp(void)
{
	static time_t	 last;
	char		 tmp[4096];
	time_t		 now = time(NULL);

	if (now - last < 600)
		return;
	last = now;
	snprintf(tmp, sizeof(tmp), "%s/tmp", conf.dir);
	sweep(tmp, 3600);
}

static enum http_status
files_upload(struct req *r, json_t *m)
{
	struct upload		 u;
	struct stored		 s;
	struct link		 l;
	json_t			*row = NULL;
	enum img_type		 t = IMG_NONE;
	enum http_status	 st;
	enum db_status		 rc;

	tidy_tmp();
	if (r->body_in == NULL) {
		r->detail = "storage.problem.multipart";
		return HTTP_UNSUPPORTED_MEDIA_TYPE;
	}
	memset(&u, 0, sizeof(u));
	memset(&s, 0, sizeof(s));
	u.r = r;
	u.st = HTTP_OK;
	u.limit = (size_t)(conf.image_max > conf.document_max ?
	    conf.image_max : conf.document_max);
	buf_init(&u.field);
	crypto_hash_sha256_init(&u.sha);
	if ((rc = db_query_one(&stmts[STMT_USED], P(DB_INT(r->user.id)),
	    &row)) != DB_OK)
		return app_db_status(rc);
	u.room = conf.quota - json_integer_value(json_object_get(row, "used"));
	json_decref(row);
	if ((u.fd = store_temp(u.tmp, sizeof(u.tmp))) < 0) {
		log_warn("temporary file in %s/tmp", conf.dir);
		return HTTP_INTERNAL_ERROR;
	}
	u.head = x_malloc(HEAD_MAX);
	if ((st = up_read(&u)) != HTTP_OK)
		goto out;
	req_validate(r, fields, ST__MAX);
	if (!req_only(r, REQ_F(ST_KIND) | REQ_F(ST_EVENT) |
	    REQ_F(ST_MEGAEVENT) | REQ_F(ST_CAPTION))) {
		st = HTTP_UNPROCESSABLE;
		goto out;
	}
	if (!u.got_file || u.size == 0) {
		r->detail = "storage.problem.no_file";
		st = HTTP_UNPROCESSABLE;
		goto out;
	}
	if ((st = classify(&u, &s, &t)) != HTTP_OK)
		goto out;
	if ((strcmp(s.kind, "cover") == 0 && !req_require(r, ST_EVENT, -1)) ||
	    (strcmp(s.kind, "gallery") == 0 &&
	    !req_require(r, ST_MEGAEVENT, -1))) {
		st = HTTP_UNPROCESSABLE;
		goto out;
	}
	s.name = clean_name(r, u.filename);
	st = s.image ? keep_image(&u, &s, t) : keep_document(&u, &s);
	if (st != HTTP_OK)
		goto out;
	l.r = r;
	l.s = &s;
	l.st = HTTP_OK;
	if ((rc = db_tx(insert_tx, &l)) != DB_OK) {
		st = l.st != HTTP_OK ? l.st : app_db_status(rc);
		goto out;
	}
	s.nmade = 0;		/* the row holds them now */
	file_model(m, s.id, s.mime, (long long)s.size, s.image, s.w, s.h);
	r->redirect = back_to(r, &s);
	r->flash = "file_saved";
	st = HTTP_CREATED;
out:
	if (st != HTTP_CREATED)
		stored_undo(r, &s);
	if (u.tmp[0] != '\0')
		unlink(u.tmp);
	close(u.fd);
	buf_free(&u.field);
	x_free(u.head);
	return st;
}

static enum db_status
attach_tx(void *arg)
{
	return link_file(arg);
}

/*
 * POST /files/{id}/attach: the picture's owner or an admin.  kind cover
 * (with event_id), gallery (megaevent_id, caption) or avatar: a picture
 * already uploaded goes there.  204; the page goes back where it went.
 * 404 for a file the caller may not use, 422 for a document or another
 * kind.
 */
static enum http_status
files_attach(struct req *r, json_t *m)
{
	static const char *const kinds_ok[] = { "cover", "gallery", "avatar" };
	struct stored		 s;
	struct link		 l = { r, &s, HTTP_OK };
	json_t			*row = NULL;
	const char		*kind;
	enum db_status		 rc;
	bool			 image;
	size_t			 i;

	(void)m;
	if (!req_only(r, REQ_F(ST_KIND) | REQ_F(ST_EVENT) |
	    REQ_F(ST_MEGAEVENT) | REQ_F(ST_CAPTION)) ||
	    !req_require(r, ST_KIND, -1))
		return HTTP_UNPROCESSABLE;
	kind = req_value(r, ST_KIND);
	for (i = 0; i < 3 && strcmp(kind, kinds_ok[i]) != 0; i++)
		;
	if (i == 3) {
		req_set_invalid(r, ST_KIND, "valid.bad_value");
		return HTTP_UNPROCESSABLE;
	}
	if ((strcmp(kind, "cover") == 0 && !req_require(r, ST_EVENT, -1)) ||
	    (strcmp(kind, "gallery") == 0 &&
	    !req_require(r, ST_MEGAEVENT, -1)))
		return HTTP_UNPROCESSABLE;
	if ((rc = db_query_one(&stmts[STMT_GET], P(DB_INT(r->id)), &row)) !=
	    DB_OK)
		return app_db_status(rc);
	image = !json_is_null(json_object_get(row, "width"));
	if (json_integer_value(json_object_get(row, "owner_id")) !=
	    r->user.id && r->user.role != ROLE_ADMIN) {
		json_decref(row);
		return HTTP_NOT_FOUND;
	}
	json_decref(row);
	if (!image) {
		r->detail = "storage.problem.not_image";
		return HTTP_UNPROCESSABLE;
	}
	memset(&s, 0, sizeof(s));
	s.id = r->id;
	s.kind = kind;
	if ((rc = db_tx(attach_tx, &l)) != DB_OK)
		return l.st != HTTP_OK ? l.st : app_db_status(rc);
	r->redirect = back_to(r, &s);
	r->flash = "file_saved";
	return HTTP_NO_CONTENT;
}

/* ----------------------------------------------------------- downloads */

/* A row's "public": the stored flag, or STMT_GET's reckoning (a number). */
static bool
is_public(const json_t *row)
{
	const json_t	*v = json_object_get(row, "public");

	return json_is_true(v) || (json_is_integer(v) &&
	    json_integer_value(v) != 0);
}

/* The file row if the caller may see it: public, or theirs, or an admin. */
static enum http_status
visible(struct req *r, json_t **row)
{
	enum db_status	 rc;
	int64_t		 owner;

	if ((rc = db_query_one(&stmts[STMT_GET], P(DB_INT(r->id)), row)) !=
	    DB_OK)
		return app_db_status(rc);
	owner = json_integer_value(json_object_get(*row, "owner_id"));
	if (!is_public(*row) &&
	    owner != r->user.id && r->user.role != ROLE_ADMIN) {
		json_decref(*row);
		*row = NULL;
		return HTTP_NOT_FOUND;	/* a private file does not exist */
	}
	return HTTP_OK;
}

/* attachment; filename="ascii"; filename*=UTF-8''percent-encoded */
static const char *
disposition(struct req *r, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf	 b;
	const char	*p, *out;
	size_t		 n;

	if (name == NULL || *name == '\0')
		return "attachment";
	buf_init(&b);
	buf_puts(&b, "attachment; filename=\"");
	for (p = name, n = 0; *p != '\0' && n < 100; p++, n++)
		buf_putc(&b, strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_", *p) != NULL ?
		    *p : '_');
	buf_puts(&b, "\"; filename*=UTF-8''");
	for (p = name; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_~", c) != NULL &&
		    c != '\0')
			buf_putc(&b, c);
		else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[c >> 4]);
			buf_putc(&b, hex[c & 15]);
		}
	}
	out = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* Hands the bytes to the gateway with the headers their privacy needs. */
static void
accel(struct req *r, json_t *row, const char *suffix, const char *type)
{
	const char	*rel;
	bool		 pub = is_public(row);

	store_path(r, json_string_value(json_object_get(row, "sha256")),
	    suffix, &rel);
	r->accel = arena_printf(r->arena, ACCEL "%s", rel);
	r->raw_type = type;
	r->cache = pub ? "public, max-age=31536000, immutable" :
	    "private, no-store";
	if (!pub)
		r->disposition = disposition(r, json_string_value(
		    json_object_get(row, "name")));
	else
		r->disposition = "inline";
}

/*
 * GET /files/{id}: anyone who may see the file (public pictures: anyone;
 * documents: their owner and admins, 404 for the rest).  The gateway
 * sends the bytes with ETag and ranges.
 */
static enum http_status
files_get(struct req *r, json_t *m)
{
	json_t			*row = NULL;
	enum http_status	 st;

	(void)m;
	req_focus(r, -1);
	if ((st = visible(r, &row)) != HTTP_OK)
		return st;
	accel(r, row, "", arena_strdup(r->arena, json_string_value(
	    json_object_get(row, "mime"))));
	json_decref(row);
	return HTTP_OK;
}

/*
 * GET /files/{id}/thumb/{size}: size is 160 or 480, with ".webp" or
 * ".jpg" (no extension: JPEG).  Pictures only; 404 otherwise.
 */
static enum http_status
files_thumb(struct req *r, json_t *m)
{
	const struct route_param *p = &r->match.params[1];
	json_t			*row = NULL;
	enum http_status	 st;
	char			 want[16];
	const char		*ext = "jpg", *type = "image/jpeg";
	unsigned		 size = 0;
	size_t			 i, n;

	(void)m;
	req_focus(r, -1);
	n = p->len < sizeof(want) ? p->len : sizeof(want) - 1;
	memcpy(want, p->value, n);
	want[n] = '\0';
	for (i = 0; i < NTHUMBS; i++) {
		char	 a[16], b[16], c[16];

		snprintf(a, sizeof(a), "%u", thumb_sizes[i]);
		snprintf(b, sizeof(b), "%u.jpg", thumb_sizes[i]);
		snprintf(c, sizeof(c), "%u.webp", thumb_sizes[i]);
		if (strcmp(want, a) == 0 || strcmp(want, b) == 0)
			size = thumb_sizes[i];
		else if (strcmp(want, c) == 0) {
			size = thumb_sizes[i];
			ext = "webp";
			type = "image/webp";
		}
	}
	if (size == 0)
		return HTTP_NOT_FOUND;
	if ((st = visible(r, &row)) != HTTP_OK)
		return st;
	if (json_is_null(json_object_get(row, "width"))) {
		json_decref(row);
		return HTTP_NOT_FOUND;
	}
	accel(r, row, arena_printf(r->arena, "-%u.%s", size, ext), type);
	json_decref(row);
	return HTTP_OK;
}

/*
 * GET /files?before=: any signed-in user.  My files, newest first,
 * {items, next}; the page adds the upload form and, when event_id or
 * megaevent_id is given, a button on each picture to use it there.
 */
static enum http_status
files_index(struct req *r, json_t *m)
{
	json_t		*rows = NULL, *row;
	long long	 before = 0, target;
	enum db_status	 rc;
	size_t		 i, n;

	req_only(r, REQ_F(ST_BEFORE) | REQ_F(ST_EVENT) | REQ_F(ST_MEGAEVENT));
	if (r->has_invalid)
		return HTTP_UNPROCESSABLE;
	req_int(r, ST_BEFORE, &before);
	/* Sent from an event or a mega event: its pictures can be picked. */
	if (!r->api && req_int(r, ST_EVENT, &target))
		json_object_set_new(m, "pick", json_pack("{s:s, s:s, s:I}",
		    "kind", "cover", "field", "event_id", "target",
		    (json_int_t)target));
	else if (!r->api && req_int(r, ST_MEGAEVENT, &target))
		json_object_set_new(m, "pick", json_pack("{s:s, s:s, s:I}",
		    "kind", "gallery", "field", "megaevent_id", "target",
		    (json_int_t)target));
	if ((rc = db_query(&stmts[STMT_LIST], P(DB_INT(r->user.id),
	    before ? DB_INT(before) : DB_NULL, DB_INT(before),
	    DB_INT(PAGE_SIZE + 1)), &rows)) != DB_OK)
		return app_db_status(rc);
	n = json_array_size(rows);
	if (n > PAGE_SIZE)
		json_array_remove(rows, PAGE_SIZE);
	json_array_foreach(rows, i, row) {
		json_object_set_new(row, "url", json_sprintf("/files/%lld",
		    (long long)json_integer_value(json_object_get(row, "id"))));
		if (!r->api)
			json_object_set_new(row, "is_image", json_boolean(
			    !json_is_null(json_object_get(row, "width"))));
	}
	json_object_set_new(m, "next", n > PAGE_SIZE ? json_integer(
	    json_integer_value(json_object_get(json_array_get(rows,
	    PAGE_SIZE - 1), "id"))) : json_null());
	json_object_set_new(m, "has_items", json_boolean(n > 0));
	json_object_set_new(m, "items", rows);
	return HTTP_OK;
}

struct del {
	struct req	*r;
	enum http_status st;
	const char	*sha;
	int64_t		 owner;
};

static enum db_status
delete_tx(void *arg)
{
	struct del	*d = arg;
	struct req	*r = d->r;
	json_t		*row = NULL;
	enum db_status	 rc;
	int64_t		 id = r->id;

	if ((rc = db_query_one(&stmts[STMT_LOCK], P(DB_INT(id)), &row)) !=
	    DB_OK)
		return rc;
	d->owner = json_integer_value(json_object_get(row, "owner_id"));
	d->sha = arena_strdup(r->arena, json_string_value(json_object_get(row,
	    "sha256")));
	if (d->owner != r->user.id && r->user.role != ROLE_ADMIN) {
		d->st = is_public(row) ?
		    HTTP_FORBIDDEN : HTTP_NOT_FOUND;
		json_decref(row);
		return DB_NOTFOUND;
	}
	json_decref(row);
	/* What uses the file lets go of it first. */
	if ((rc = db_exec(&stmts[STMT_DETACH_COVER], P(DB_INT(id)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_DETACH_AVATAR], P(DB_INT(id)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_DETACH_GALLERY], P(DB_INT(id)), NULL,
	    NULL)) != DB_OK ||
	    (rc = db_exec(&stmts[STMT_DELETE], P(DB_INT(id)), NULL,
	    NULL)) != DB_OK)
		return rc;
	return outbox_append("file.deleted", json_pack("{s:I, s:I}",
	    "file_id", (json_int_t)id, "owner_id", (json_int_t)d->owner));
}

struct drop {
	struct req	*r;
	const char	*sha;
};

/* Counts the rows that name the bytes, locked, and unlinks them when
 * none does: an upload of the same bytes waits for this to commit. */
static enum db_status
drop_tx(void *arg)
{
	struct drop	*d = arg;
	struct req	*r = d->r;
	json_t		*row = NULL;
	enum db_status	 rc;
	size_t		 i;

	if ((rc = db_query_one(&stmts[STMT_SHA_USED], P(DB_TEXT(d->sha)),
	    &row)) != DB_OK)
		return rc;
	if (json_integer_value(json_object_get(row, "n")) == 0) {
		unlink(store_path(r, d->sha, "", NULL));
		for (i = 0; i < NTHUMBS; i++) {
			unlink(store_path(r, d->sha, arena_printf(r->arena,
			    "-%u.webp", thumb_sizes[i]), NULL));
			unlink(store_path(r, d->sha, arena_printf(r->arena,
			    "-%u.jpg", thumb_sizes[i]), NULL));
		}
	}
	json_decref(row);
	return DB_OK;
}

/* The bytes go when no row names them any more. */
static void
drop_bytes(struct req *r, const char *sha)
{
	struct drop	 d = { r, sha };

	if (db_tx(drop_tx, &d) != DB_OK)
		log_warnx("file bytes %s kept: the check failed", sha);
}

/*
 * DELETE /api/v1/files/{id} and POST /files/{id}/delete: the owner or an
 * admin.  Detaches the file from events, profiles and galleries, deletes
 * its row, and its bytes when no other row shares them.  204, or back to
 * my files.  403 for someone else's public file, 404 for a private one.
 */
static enum http_status
files_delete(struct req *r, json_t *m)
{
	struct del	 d = { r, HTTP_OK, NULL, 0 };
	enum db_status	 rc;

	(void)m;
	req_focus(r, -1);
	if ((rc = db_tx(delete_tx, &d)) != DB_OK)
		return d.st != HTTP_OK ? d.st : app_db_status(rc);
	drop_bytes(r, d.sha);
	r->redirect = "/files";
	r->flash = "file_deleted";
	return HTTP_NO_CONTENT;
}

static const struct route routes[] = {
	{ M_GET, "/files", files_index, ROLE_USER, "storage/index" },
	{ M_POST, "/files", files_upload, ROLE_USER, NULL },
	{ M_GET, "/files/{id}", files_get, ROLE_ANY, NULL },
	{ M_DELETE, "/files/{id}", files_delete, ROLE_USER, NULL },
	{ M_POST, "/files/{id}/delete", files_delete, ROLE_USER, NULL },
	{ M_POST, "/files/{id}/attach", files_attach, ROLE_USER, NULL },
	{ M_GET, "/files/{id}/thumb/{size}", files_thumb, ROLE_ANY, NULL },
	{ 0, NULL, NULL, 0, NULL },
};

/* A damaged picture is answered with 422; libgd need not log it. */
static void
gd_quiet(int priority, const char *fmt, va_list ap)
{
	(void)priority;
	(void)fmt;
	(void)ap;
}

/* Removes what uploads interrupted by a crash left in dir/tmp, when not
 * written to for min_age seconds. */
static void
sweep(const char *tmp, time_t min_age)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 sb;
	char		 p[4096];
	time_t		 now = time(NULL);

	if ((d = opendir(tmp)) == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, "up-", 3) == 0 &&
		    snprintf(p, sizeof(p), "%s/%s", tmp, e->d_name) <
		    (int)sizeof(p) && stat(p, &sb) == 0 &&
		    now - sb.st_mtime >= min_age)
			unlink(p);
	closedir(d);
}

/* Reads [storage], makes the directories and sweeps temporary files a
 * crash left behind. */
static int
storage_init(void)
{
	char	 tmp[4096];

	if ((conf.dir = cfg_str("storage", "dir", NULL)) == NULL) {
		log_warnx("[storage] dir is not set");
		return -1;
	}
	conf.image_max = cfg_int("storage", "image_max", 10 << 20);
	conf.document_max = cfg_int("storage", "document_max", 20 << 20);
	conf.quota = cfg_int("storage", "quota", 200LL << 20);
	conf.max_pixels = cfg_int("storage", "max_pixels", 4096 * 3072);
	conf.side = (unsigned)cfg_int("storage", "max_side", 1600);
	snprintf(tmp, sizeof(tmp), "%s/tmp", conf.dir);
	if ((mkdir(conf.dir, 0755) != 0 && errno != EEXIST) ||
	    (mkdir(tmp, 0700) != 0 && errno != EEXIST)) {
		log_warn("%s", tmp);
		return -1;
	}
	gdSetErrorMethod(gd_quiet);
	sweep(tmp, 0);
	/* Room for the multipart framing around the largest file. */
	app_stream_multipart(files_upload, (size_t)(conf.image_max >
	    conf.document_max ? conf.image_max : conf.document_max) +
	    64 * 1024);
	return 0;
}

static const struct app storage = {
	"storage", routes, fields, ST__MAX, stmts, STMT__MAX, storage_init,
};

int
main(int argc, char *argv[])
{
	return app_main(argc, argv, &storage);
}
