/*
 * Each EXIF orientation turns the picture upright: a 2x1 picture, red on
 * the left and blue on the right, lands where the tag says.
 */
#include "check.h"
#include "image.h"

#define RED	gdTrueColor(255, 0, 0)
#define BLUE	gdTrueColor(0, 0, 255)

int
main(void)
{
	gdImagePtr	 src, o;
	int		 i;
	/* orientation: width, height, colour at (0,0), at the far corner */
	const struct { int o, w, h, first, last; } want[] = {
		{ 1, 2, 1, RED, BLUE },
		{ 2, 2, 1, BLUE, RED },
		{ 3, 2, 1, BLUE, RED },
		{ 4, 2, 1, RED, BLUE },
		{ 5, 1, 2, RED, BLUE },
		{ 6, 1, 2, RED, BLUE },		/* 90 degrees clockwise */
		{ 7, 1, 2, BLUE, RED },
		{ 8, 1, 2, BLUE, RED },		/* 90 degrees counter-clockwise */
	};

	src = gdImageCreateTrueColor(2, 1);
	gdImageSetPixel(src, 0, 0, RED);
	gdImageSetPixel(src, 1, 0, BLUE);
	for (i = 0; i < 8; i++) {
		o = img_orient(src, want[i].o);
		CHECK(o != NULL);
		CHECK(gdImageSX(o) == want[i].w);
		CHECK(gdImageSY(o) == want[i].h);
		CHECK(gdImageGetTrueColorPixel(o, 0, 0) == want[i].first);
		CHECK(gdImageGetTrueColorPixel(o, want[i].w - 1, want[i].h - 1) ==
		    want[i].last);
		gdImageDestroy(o);
	}
	gdImageDestroy(src);
	return CHECK_DONE();
}
