#ifndef CAMSIM_CX265_SHIM_H
#define CAMSIM_CX265_SHIM_H

#include <stdint.h>
#include <x265.h>

/* x265_encoder_open is a macro that appends the build number to the symbol
   name (x265_encoder_open_199, ...); Swift cannot call macros, so wrap it. */
static inline x265_encoder *camsim_x265_encoder_open(x265_param *param) {
    return x265_encoder_open(param);
}

static inline int camsim_x265_build(void) { return X265_BUILD; }

#endif
