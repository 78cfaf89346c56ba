/*
 * Width and height come from the header bytes of each type, without
 * decoding: JPEG (after an APP1 segment), PNG, GIF and the three WebP
 * forms.
 */
#include "check.h"
#include "image.h"

int
main(void)
{
	const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe1, 0, 4, 'x', 'x',
	    0xff, 0xc0, 0, 17, 8, 0x01, 0x2c, 0x02, 0x58, 3 };
	const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
	    '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0x01, 0x00, 0, 0, 0,
	    0x80, 8, 6 };
	const unsigned char gif[] = { 'G', 'I', 'F', '8', '9', 'a', 0x40, 0x01,
	    0xf0, 0x00 };
	unsigned char	 webp[32] = "RIFF\0\0\0\0WEBPVP8 ";
	unsigned	 w, h;

	CHECK(img_probe(jpeg, sizeof(jpeg), IMG_JPEG, &w, &h));
	CHECK(w == 600 && h == 300);
	CHECK(img_probe(png, sizeof(png), IMG_PNG, &w, &h));
	CHECK(w == 256 && h == 128);
	CHECK(img_probe(gif, sizeof(gif), IMG_GIF, &w, &h));
	CHECK(w == 320 && h == 240);

	webp[23] = 0x9d; webp[24] = 0x01; webp[25] = 0x2a;
	webp[26] = 0x80; webp[27] = 0x02; webp[28] = 0xe0; webp[29] = 0x01;
	CHECK(img_probe(webp, 30, IMG_WEBP, &w, &h));
	CHECK(w == 640 && h == 480);
	memcpy(webp + 12, "VP8L", 4);
	webp[20] = 0x2f;		/* 14 bits each of width - 1, height - 1 */
	webp[21] = 0x3f; webp[22] = 0xc0; webp[23] = 0x0f; webp[24] = 0;
	CHECK(img_probe(webp, 30, IMG_WEBP, &w, &h));
	CHECK(w == 64 && h == 64);
	memcpy(webp + 12, "VP8X", 4);
	webp[24] = 0x5f; webp[25] = 0xea; webp[26] = 0x00;	/* 60000 - 1 */
	webp[27] = 0x5f; webp[28] = 0xea; webp[29] = 0x00;
	CHECK(img_probe(webp, 30, IMG_WEBP, &w, &h));
	CHECK(w == 60000 && h == 60000);

	CHECK(img_type_of("image/jpeg") == IMG_JPEG);
	CHECK(img_type_of("image/gif") == IMG_GIF);
	CHECK(img_type_of("image/svg+xml") == IMG_NONE);
	CHECK(img_type_of("text/html") == IMG_NONE);
	CHECK(img_type_of(NULL) == IMG_NONE);
	return CHECK_DONE();
}
