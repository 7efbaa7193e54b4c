#ifndef CAMSIM_CAVCODECDECODE_SHIM_H
#define CAMSIM_CAVCODECDECODE_SHIM_H

#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>

/* AVERROR(EAGAIN) and AVERROR_EOF are macros Swift cannot import. */
static inline int camsim_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int camsim_averror_eof(void) { return AVERROR_EOF; }

#endif
