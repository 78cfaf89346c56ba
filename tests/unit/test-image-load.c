/*
 * A decoded picture is reduced in place and turned: 300x200, red on the
 * left, blue on the right, with orientation 6 comes back 66x100 with red
 * at the top and blue at the bottom; bytes that are no picture give NULL.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "image.h"

int
main(void)
{
	gdImagePtr	 im, got;
	FILE		*f;
	int		 c;

	im = gdImageCreateTrueColor(300, 200);
	gdImageFilledRectangle(im, 0, 0, 149, 199, gdTrueColor(255, 0, 0));
	gdImageFilledRectangle(im, 150, 0, 299, 199, gdTrueColor(0, 0, 255));
	f = tmpfile();
	gdImagePng(im, f);
	gdImageDestroy(im);

	rewind(f);
	got = img_load(f, IMG_PNG, 100, 6);
	CHECK(got != NULL);
	CHECK(gdImageSX(got) == 66 && gdImageSY(got) == 100);
	c = gdImageGetTrueColorPixel(got, 33, 5);
	CHECK(gdTrueColorGetRed(c) > 200 && gdTrueColorGetBlue(c) < 50);
	c = gdImageGetTrueColorPixel(got, 33, 95);
	CHECK(gdTrueColorGetBlue(c) > 200 && gdTrueColorGetRed(c) < 50);
	gdImageDestroy(got);

	rewind(f);
	got = img_load(f, IMG_PNG, 1000, 1);	/* never enlarged */
	CHECK(got != NULL && gdImageSX(got) == 300 && gdImageSY(got) == 200);
	gdImageDestroy(got);
	fclose(f);

	f = tmpfile();
	fputs("not a picture at all", f);
	rewind(f);
	CHECK(img_load(f, IMG_PNG, 100, 1) == NULL);
	rewind(f);
	CHECK(img_load(f, IMG_JPEG, 100, 1) == NULL);
	CHECK(img_load(f, IMG_NONE, 100, 1) == NULL);
	fclose(f);
	return CHECK_DONE();
}
