#ifndef CAMSIM_CX264_SHIM_H
#define CAMSIM_CX264_SHIM_H

#include <stdint.h>
#include <x264.h>

/* x264_encoder_open is a macro that appends the build number to the symbol
   name (x264_encoder_open_164, ...); Swift cannot call macros, so wrap it. */
static inline x264_t *camsim_x264_encoder_open(x264_param_t *param) {
    return x264_encoder_open(param);
}

static inline int camsim_x264_build(void) { return X264_BUILD; }

#endif
