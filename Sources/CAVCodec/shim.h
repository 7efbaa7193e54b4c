#ifndef CAMSIM_CAVCODEC_SHIM_H
#define CAMSIM_CAVCODEC_SHIM_H

#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>

/* AVERROR(EAGAIN) and AVERROR_EOF are macros; Swift cannot call macros, so wrap them. */
static inline int camsim_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int camsim_averror_eof(void) { return AVERROR_EOF; }

/* av_err2str is a macro over a compound literal: give it a caller-owned buffer instead. */
static inline const char *camsim_av_error_string(int code, char *buffer, size_t size) {
    return av_make_error_string(buffer, size, code);
}

#endif
