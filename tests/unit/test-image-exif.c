/*
 * The orientation is read from a JPEG's EXIF block; a picture without
 * one, or with a value out of range, is upright (1).
 */
#include <libexif/exif-data.h>
#include <stdlib.h>

#include "check.h"
#include "image.h"

/* A JPEG prefix: SOI and an APP1 holding an orientation tag of value o. */
static unsigned char *
jpeg_with(unsigned o, size_t *n)
{
	ExifData	*ed = exif_data_new();
	ExifEntry	*e = exif_entry_new();
	unsigned char	*ex, *out;
	unsigned	 len;

	exif_data_set_byte_order(ed, EXIF_BYTE_ORDER_MOTOROLA);
	e->tag = EXIF_TAG_ORIENTATION;
	e->format = EXIF_FORMAT_SHORT;
	e->components = 1;
	e->size = 2;
	e->data = malloc(2);
	exif_set_short(e->data, EXIF_BYTE_ORDER_MOTOROLA, (ExifShort)o);
	exif_content_add_entry(ed->ifd[EXIF_IFD_0], e);
	exif_entry_unref(e);
	exif_data_save_data(ed, &ex, &len);
	exif_data_unref(ed);
	out = malloc(len + 6);
	memcpy(out, "\xff\xd8\xff\xe1", 4);
	out[4] = (unsigned char)((len + 2) >> 8);
	out[5] = (unsigned char)((len + 2) & 0xff);
	memcpy(out + 6, ex, len);
	free(ex);
	*n = len + 6;
	return out;
}

int
main(void)
{
	unsigned char	*j;
	size_t		 n;
	unsigned	 o;

	for (o = 1; o <= 8; o++) {
		j = jpeg_with(o, &n);
		CHECK(img_orientation(j, n) == (int)o);
		free(j);
	}
	j = jpeg_with(9, &n);
	CHECK(img_orientation(j, n) == 1);
	free(j);
	j = jpeg_with(0, &n);
	CHECK(img_orientation(j, n) == 1);
	free(j);
	CHECK(img_orientation((const unsigned char *)"\xff\xd8\xff\xd9", 4) == 1);
	CHECK(img_orientation((const unsigned char *)"GIF89a", 6) == 1);
	return CHECK_DONE();
}
