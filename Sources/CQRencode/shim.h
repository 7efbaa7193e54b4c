#ifndef CAMSIM_CQRENCODE_SHIM_H
#define CAMSIM_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
