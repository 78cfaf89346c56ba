/*
 * Headers cut short, with the wrong signature, zero sizes, or a JPEG
 * whose image data starts before any frame header: no dimensions.
 */
#include "check.h"
#include "image.h"

int
main(void)
{
	const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
	    '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 0, 0, 0, 0, 5 };
	const unsigned char jpeg_sos[] = { 0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff,
	    0xc0, 0, 17, 8, 0, 1, 0, 1 };
	const unsigned char jpeg_len[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff,
	    0xc0, 0, 17, 8, 0, 1, 0, 1 };
	const unsigned char gif[] = { 'G', 'I', 'F', '8', '8', 'a', 1, 0, 1, 0 };
	const unsigned char riff[] = "RIFF\0\0\0\0WAVEfmt                 ";
	unsigned	 w, h;

	CHECK(!img_probe(png, sizeof(png), IMG_PNG, &w, &h));	/* width 0 */
	CHECK(!img_probe(png, 10, IMG_PNG, &w, &h));
	CHECK(!img_probe(jpeg_sos, sizeof(jpeg_sos), IMG_JPEG, &w, &h));
	CHECK(!img_probe(jpeg_len, sizeof(jpeg_len), IMG_JPEG, &w, &h));
	CHECK(!img_probe(jpeg_sos, 3, IMG_JPEG, &w, &h));
	CHECK(!img_probe(gif, sizeof(gif), IMG_GIF, &w, &h));
	CHECK(!img_probe(riff, sizeof(riff) - 1, IMG_WEBP, &w, &h));
	CHECK(!img_probe(png, sizeof(png), IMG_NONE, &w, &h));
	CHECK(!img_probe((const unsigned char *)"", 0, IMG_JPEG, &w, &h));
	return CHECK_DONE();
}
