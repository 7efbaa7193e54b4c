#ifndef CAMSIM_CPNG_SHIM_H
#define CAMSIM_CPNG_SHIM_H
#include <png.h>

/* libpng's simplified-API constants are macros built from other macros; give Swift plain values. */
static const unsigned int camsim_png_image_version = PNG_IMAGE_VERSION;
static const unsigned int camsim_png_format_rgb = PNG_FORMAT_RGB;
#endif
