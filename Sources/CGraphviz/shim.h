#ifndef SILOSCOPE_CGRAPHVIZ_SHIM_H
#define SILOSCOPE_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* The cgraph descriptors are mutable globals, which Swift 6 rejects as not
   concurrency-safe. Read them through these getters instead. */
static inline Agdesc_t siloscope_agdirected(void) { return Agdirected; }
static inline Agdesc_t siloscope_agstrictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t siloscope_agundirected(void) { return Agundirected; }

#endif
