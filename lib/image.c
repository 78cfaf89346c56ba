/* image: header probes, decoding, orientation, scaling and encoding. */
#include <libexif/exif-data.h>
#include <string.h>
#include <strings.h>

#include "image.h"

enum img_type
img_type_of(const char *mime)
{
	if (mime == NULL)
		return IMG_NONE;
	if (strcmp(mime, "image/jpeg") == 0)
		return IMG_JPEG;
	if (strcmp(mime, "image/png") == 0)
		return IMG_PNG;
	if (strcmp(mime, "image/webp") == 0)
		return IMG_WEBP;
	if (strcmp(mime, "image/gif") == 0)
		return IMG_GIF;
	return IMG_NONE;
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned
le16(const unsigned char *p)
{
	return (unsigned)p[1] << 8 | p[0];
}

static unsigned
le24(const unsigned char *p)
{
	return (unsigned)p[2] << 16 | (unsigned)p[1] << 8 | p[0];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* The frame header (SOFn) of a JPEG, walking the segments before it. */
static bool
probe_jpeg(const unsigned char *p, size_t n, unsigned *w, unsigned *h)
{
	size_t		 i = 2;
	unsigned	 m;

	if (n < 4 || p[0] != 0xff || p[1] != 0xd8)
		return false;
	while (i + 4 <= n) {
		if (p[i] != 0xff)
			return false;
		while (i < n && p[i] == 0xff)
			i++;
		if (i + 3 > n)
			return false;
		m = p[i++];
		if (m == 0xd8 || (m >= 0xd0 && m <= 0xd7) || m == 0x01)
			continue;	/* markers without a length */
		if (m == 0xd9 || m == 0xda)
			return false;	/* image data before any frame */
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 &&
		    m != 0xcc) {
			if (i + 7 > n)
				return false;
			*h = be16(p + i + 3);
			*w = be16(p + i + 5);
			return *w > 0 && *h > 0;
		}
		if (be16(p + i) < 2)
			return false;
		i += be16(p + i);
	}
	return false;
}

static bool
probe_webp(const unsigned char *p, size_t n, unsigned *w, unsigned *h)
{
	if (n < 30 || memcmp(p, "RIFF", 4) != 0 || memcmp(p + 8, "WEBP", 4))
		return false;
	if (memcmp(p + 12, "VP8 ", 4) == 0) {
		if (p[23] != 0x9d || p[24] != 0x01 || p[25] != 0x2a)
			return false;
		*w = le16(p + 26) & 0x3fff;
		*h = le16(p + 28) & 0x3fff;
	} else if (memcmp(p + 12, "VP8L", 4) == 0) {
		unsigned long b;

		if (p[20] != 0x2f)
			return false;
		b = (unsigned long)p[21] | (unsigned long)p[22] << 8 |
		    (unsigned long)p[23] << 16 | (unsigned long)p[24] << 24;
		*w = (unsigned)(b & 0x3fff) + 1;
		*h = (unsigned)((b >> 14) & 0x3fff) + 1;
	} else if (memcmp(p + 12, "VP8X", 4) == 0) {
		*w = le24(p + 24) + 1;
		*h = le24(p + 27) + 1;
	} else
		return false;
	return *w > 0 && *h > 0;
}

bool
img_probe(const unsigned char *p, size_t n, enum img_type t, unsigned *w,
    unsigned *h)
{
	*w = *h = 0;
	switch (t) {
	case IMG_JPEG:
		return probe_jpeg(p, n, w, h);
	case IMG_PNG:
		if (n < 24 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0 ||
		    memcmp(p + 12, "IHDR", 4) != 0 || be32(p + 16) > 0x7fffffff ||
		    be32(p + 20) > 0x7fffffff)
			return false;
		*w = (unsigned)be32(p + 16);
		*h = (unsigned)be32(p + 20);
		return *w > 0 && *h > 0;
	case IMG_GIF:
		if (n < 10 || (memcmp(p, "GIF87a", 6) != 0 &&
		    memcmp(p, "GIF89a", 6) != 0))
			return false;
		*w = le16(p + 6);
		*h = le16(p + 8);
		return *w > 0 && *h > 0;
	case IMG_WEBP:
		return probe_webp(p, n, w, h);
	default:
		return false;
	}
}

int
img_orientation(const unsigned char *p, size_t n)
{
	ExifData	*ed;
	ExifEntry	*e;
	int		 o = 1;

	if (n < 4 || p[0] != 0xff || p[1] != 0xd8)
		return 1;
	if ((ed = exif_data_new_from_data(p, (unsigned)n)) == NULL)
		return 1;
	e = exif_content_get_entry(ed->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
	if (e != NULL && e->format == EXIF_FORMAT_SHORT && e->components == 1)
		o = exif_get_short(e->data, exif_data_get_byte_order(ed));
	exif_data_unref(ed);
	return o >= 1 && o <= 8 ? o : 1;
}

gdImagePtr
img_orient(gdImagePtr src, int o)
{
	gdImagePtr	 dst;
	int		 W = gdImageSX(src), H = gdImageSY(src);
	int		 dw, dh, dx, dy, sx, sy;

	dw = o >= 5 ? H : W;
	dh = o >= 5 ? W : H;
	if ((dst = gdImageCreateTrueColor(dw, dh)) == NULL)
		return NULL;
	gdImageAlphaBlending(dst, 0);
	gdImageSaveAlpha(dst, 1);
	for (dy = 0; dy < dh; dy++)
		for (dx = 0; dx < dw; dx++) {
			switch (o) {
			case 2: sx = W - 1 - dx; sy = dy; break;
			case 3: sx = W - 1 - dx; sy = H - 1 - dy; break;
			case 4: sx = dx; sy = H - 1 - dy; break;
			case 5: sx = dy; sy = dx; break;
			case 6: sx = dy; sy = H - 1 - dx; break;
			case 7: sx = W - 1 - dy; sy = H - 1 - dx; break;
			case 8: sx = W - 1 - dy; sy = dx; break;
			default: sx = dx; sy = dy; break;
			}
			dst->tpixels[dy][dx] = src->tpixels[sy][sx];
		}
	return dst;
}

/*
 * Makes a picture the top-left nw x nh of itself: the rows below go back
 * to the allocator at once, for the copies that follow to reuse, so a
 * picture reduced in place never needs twice its memory.
 */
static void
crop(gdImagePtr im, unsigned nw, unsigned nh)
{
	int	 y;

	for (y = (int)nh; y < im->sy; y++) {
		gdFree(im->tpixels[y]);
		im->tpixels[y] = NULL;
	}
	im->sx = (int)nw;
	im->sy = (int)nh;
	gdImageSetClip(im, 0, 0, (int)nw - 1, (int)nh - 1);
}

/*
 * Area averaging: each new pixel is the mean of the block of old pixels
 * it covers, in integers, visiting every old pixel once.  Sharper than a
 * bilinear pass on large reductions and several times faster than
 * gdImageCopyResampled.  flat lays transparency over white.  In place,
 * new pixel (x, y) overwrites an old one no later pixel reads: its block
 * starts at or right of x in rows at or below y.
 */
static gdImagePtr
shrink(gdImagePtr src, unsigned nw, unsigned nh, bool flat, bool in_place)
{
	gdImagePtr	 dst;
	unsigned	 W = (unsigned)gdImageSX(src), H = (unsigned)gdImageSY(src);
	unsigned	 dx, dy, x, y, x0, x1, y0, y1, n;
	unsigned long	 r, g, b, a;
	int		 c;

	if (in_place)
		dst = src;
	else if ((dst = gdImageCreateTrueColor((int)nw, (int)nh)) == NULL)
		return NULL;
	gdImageAlphaBlending(dst, 0);
	gdImageSaveAlpha(dst, !flat);
	for (dy = 0; dy < nh; dy++) {
		y0 = (unsigned)((unsigned long long)dy * H / nh);
		y1 = (unsigned)((unsigned long long)(dy + 1) * H / nh);
		if (y1 <= y0)
			y1 = y0 + 1;
		for (dx = 0; dx < nw; dx++) {
			x0 = (unsigned)((unsigned long long)dx * W / nw);
			x1 = (unsigned)((unsigned long long)(dx + 1) * W / nw);
			if (x1 <= x0)
				x1 = x0 + 1;
			r = g = b = a = 0;
			for (y = y0; y < y1; y++)
				for (x = x0; x < x1; x++) {
					c = src->tpixels[y][x];
					r += (unsigned long)gdTrueColorGetRed(c);
					g += (unsigned long)gdTrueColorGetGreen(c);
					b += (unsigned long)gdTrueColorGetBlue(c);
					a += (unsigned long)gdTrueColorGetAlpha(c);
				}
			n = (x1 - x0) * (y1 - y0);
			r /= n;
			g /= n;
			b /= n;
			a /= n;
			if (flat) {
				/* alpha runs from 0 (opaque) to 127 (clear) */
				r += (255 - r) * a / 127;
				g += (255 - g) * a / 127;
				b += (255 - b) * a / 127;
				a = 0;
			}
			dst->tpixels[dy][dx] = gdTrueColorAlpha((int)r, (int)g,
			    (int)b, (int)a);
		}
	}
	if (in_place)
		crop(dst, nw, nh);
	return dst;
}

/* The size that fits side on the long edge, never larger. */
static void
fit_size(gdImagePtr src, unsigned side, unsigned *pw, unsigned *ph)
{
	unsigned	 w = (unsigned)gdImageSX(src), h = (unsigned)gdImageSY(src);
	unsigned	 nw = w, nh = h;

	if (w > side || h > side) {
		if (w >= h) {
			nw = side;
			nh = (unsigned)((unsigned long long)h * side / w);
		} else {
			nh = side;
			nw = (unsigned)((unsigned long long)w * side / h);
		}
	}
	if (nw == 0)
		nw = 1;
	if (nh == 0)
		nh = 1;
	*pw = nw;
	*ph = nh;
}

gdImagePtr
img_fit(gdImagePtr src, unsigned side, bool flat)
{
	unsigned	 nw, nh;

	fit_size(src, side, &nw, &nh);
	return shrink(src, nw, nh, flat, false);
}

gdImagePtr
img_load(FILE *f, enum img_type t, unsigned max_side, int orientation)
{
	gdImagePtr	 im, up;
	unsigned	 nw, nh;

	switch (t) {
	case IMG_JPEG:
		im = gdImageCreateFromJpegEx(f, 1);
		break;
	case IMG_PNG:
		im = gdImageCreateFromPng(f);
		break;
	case IMG_GIF:
		im = gdImageCreateFromGif(f);
		break;
	case IMG_WEBP:
		im = gdImageCreateFromWebp(f);
		break;
	default:
		return NULL;
	}
	if (im == NULL)
		return NULL;
	if (!gdImageTrueColor(im) && !gdImagePaletteToTrueColor(im)) {
		gdImageDestroy(im);
		return NULL;
	}
	/* Reduced first and in place, so the turn works on the smaller
	 * picture and the decoded one is the largest allocation. */
	fit_size(im, max_side, &nw, &nh);
	im = shrink(im, nw, nh, false, true);
	if (orientation == 1)
		return im;
	up = img_orient(im, orientation);
	gdImageDestroy(im);
	return up;
}

void *
img_encode(gdImagePtr im, enum img_type t, size_t *len)
{
	void	*p;
	int	 n = 0;

	switch (t) {
	case IMG_JPEG:
		p = gdImageJpegPtr(im, &n, 85);
		break;
	case IMG_PNG:
		gdImageSaveAlpha(im, 1);
		p = gdImagePngPtrEx(im, &n, 6);
		break;
	case IMG_WEBP:
		p = gdImageWebpPtrEx(im, &n, 82);
		break;
	default:
		return NULL;
	}
	if (p == NULL || n <= 0) {
		if (p != NULL)
			gdFree(p);
		return NULL;
	}
	*len = (size_t)n;
	return p;
}
