#ifndef CAMSIM_CZBAR_SHIM_H
#define CAMSIM_CZBAR_SHIM_H

#include <zbar.h>

/* zbar_fourcc is a macro; "Y800" is 8-bit greyscale, one byte per pixel. */
static inline unsigned long camsim_zbar_fourcc_y800(void) { return zbar_fourcc('Y', '8', '0', '0'); }

#endif
