/*
 * A picture is scaled to its long edge and never enlarged; the result
 * encodes as JPEG, PNG and WebP with their signatures.
 */
#include "check.h"
#include "image.h"

int
main(void)
{
	gdImagePtr	 im, t;
	unsigned char	*p;
	size_t		 n;

	im = gdImageCreateTrueColor(1000, 250);
	t = img_fit(im, 480, true);
	CHECK(gdImageSX(t) == 480 && gdImageSY(t) == 120);
	gdImageDestroy(t);
	t = img_fit(im, 2000, false);
	CHECK(gdImageSX(t) == 1000 && gdImageSY(t) == 250);
	gdImageDestroy(t);
	gdImageDestroy(im);
	im = gdImageCreateTrueColor(10, 3000);
	t = img_fit(im, 160, true);
	CHECK(gdImageSX(t) == 1 && gdImageSY(t) == 160);

	CHECK((p = img_encode(t, IMG_JPEG, &n)) != NULL);
	CHECK(n > 4 && p[0] == 0xff && p[1] == 0xd8);
	gdFree(p);
	CHECK((p = img_encode(t, IMG_PNG, &n)) != NULL);
	CHECK(n > 8 && memcmp(p, "\x89PNG", 4) == 0);
	gdFree(p);
	CHECK((p = img_encode(t, IMG_WEBP, &n)) != NULL);
	CHECK(n > 12 && memcmp(p + 8, "WEBP", 4) == 0);
	gdFree(p);
	CHECK(img_encode(t, IMG_GIF, &n) == NULL);
	gdImageDestroy(t);
	gdImageDestroy(im);
	return CHECK_DONE();
}
