/*
 * image: what Ágora does to an uploaded picture.  The header bytes are
 * read first (type, width, height, EXIF orientation) so a picture whose
 * dimensions would take too much memory is refused before any decoding;
 * then it is decoded (libgd), scaled to a bounded size, turned upright and
 * encoded again, which leaves every piece of metadata (EXIF, GPS, comments)
 * behind.  Thumbnails are made from the upright picture.
 */
#ifndef AGORA_IMAGE_H
#define AGORA_IMAGE_H

#include <gd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum img_type { IMG_NONE, IMG_JPEG, IMG_PNG, IMG_WEBP, IMG_GIF };

/* The picture type of a media type as libmagic names it, or IMG_NONE. */
enum img_type	 img_type_of(const char *mime);
/* Width and height from the first n bytes of a picture of type t; false
 * when they are not there or make no sense. */
bool		 img_probe(const unsigned char *, size_t n, enum img_type t,
		    unsigned *w, unsigned *h);
/* The EXIF orientation (1 to 8) in the first n bytes of a JPEG; 1 when
 * there is none or it is not valid. */
int		 img_orientation(const unsigned char *, size_t n);
/* Decodes the picture in f, scales it to fit max_side pixels on its long
 * edge and turns it upright; NULL when it cannot be decoded. */
gdImagePtr	 img_load(FILE *f, enum img_type t, unsigned max_side,
		    int orientation);
/* A copy no larger than side pixels on its long edge, never enlarged;
 * flat says paint transparency over white (for JPEG). */
gdImagePtr	 img_fit(gdImagePtr, unsigned side, bool flat);
/* Encodes as t (JPEG, PNG or WebP): bytes to free with gdFree(). */
void		*img_encode(gdImagePtr, enum img_type t, size_t *len);
/* A new image turned by an EXIF orientation (1 returns a copy). */
gdImagePtr	 img_orient(gdImagePtr, int orientation);

#endif
