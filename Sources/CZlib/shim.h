#ifndef SILOSCOPE_CZLIB_SHIM_H
#define SILOSCOPE_CZLIB_SHIM_H
#include <zlib.h>
#endif
