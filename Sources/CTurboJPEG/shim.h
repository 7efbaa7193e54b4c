#ifndef CAMSIM_CTURBOJPEG_SHIM_H
#define CAMSIM_CTURBOJPEG_SHIM_H
#include <turbojpeg.h>
#endif
